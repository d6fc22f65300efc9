"""LaTeX in titles, abstracts and evidence shown as text: ``$\\beta$-DPO`` -> ``β-DPO``.

Listings copy LaTeX from arXiv (``$\\ell_\\infty$``, ``57.70\\%``, ``e.g.~``).
The views show it converted with pylatexenc; the stored text (graph.ttl,
papers.jsonl) stays as it was written.  Only recognisable LaTeX is handed to
the converter, a piece at a time: a bare ``%`` would start a LaTeX comment and
swallow the rest of the abstract, and ``$5 and $10`` is money, not maths.
"""
from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["counted", "readable"]

# $$...$$ or $...$ on one line; inline maths only when it looks like maths (see _is_math)
_MATH = re.compile(r"\$\$([^$\n]{1,400}?)\$\$|(?<![\\$])\$([^$\n]{1,300}?)(?<!\\)\$(?!\$)")
# a macro with its braced arguments (\textbf{x}, \emph{x}, \'e, \ell), an escaped special, a tie
_MACRO = re.compile(r"\\(?:([A-Za-z]+)\*?(?:\{[^{}\n]{0,200}\})*|(?<=[A-Za-z]\\)['\"`^~=.][A-Za-z]|['\"`^~=.]\{[A-Za-z]\})")
_ESCAPED = re.compile(r"\\([%&#_$])")
_TIE = re.compile(r"(?<=[A-Za-z.,;:)\]])~(?=[A-Za-z0-9(\\])")
_LOOKS_LATEX = re.compile(r"[$\\~]")
_SUB = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUP = str.maketrans("0123456789+-=()abcdefghijklmnoprstuvwxyz",
                     "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ")
# x^2, x_{t}, x^{-3}, \ell_\infty (in the LaTeX source, before conversion)
_SCRIPT = re.compile(r"([_^])(?:\{([^{}\\]{1,12})\}|([A-Za-z0-9])|(?=\\[A-Za-z]))")
# symbols that are not LaTeX but would be read as such inside a converted piece
_NOT_LATEX_PLAIN = ("%", "&", "#")


@lru_cache(maxsize=1)
def _converter():
    from pylatexenc.latex2text import LatexNodes2Text

    return LatexNodes2Text(math_mode="text")


def _convert(piece: str) -> str:
    for ch in _NOT_LATEX_PLAIN:  # "5% of" inside maths is a percent, never a comment
        piece = re.sub(r"(?<!\\)" + re.escape(ch), "\\" + ch, piece)
    try:
        return _converter().latex_to_text(piece)
    except Exception:  # pylatexenc is lenient; anything it still refuses is shown as written
        return piece


_GREEK = ("alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi rho "
          "sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega")
# macros converted outside maths: text styles, Greek letters and a few symbols titles use. Any other
# backslash word (C:\new\table, \backslash written to mean itself) stays as the listing wrote it.
TEXT_MACROS = frozenset(("textbf textit textsl textsc texttt textrm textsf textup emph underline mbox text "
                         "ell infty times pm approx sim leq geq neq ldots dots cdot to rightarrow " + _GREEK).split())


def _macro(m) -> str:
    name = m.group(1)
    if name is not None and name not in TEXT_MACROS:
        return m.group(0)
    return _convert(m.group(0))


def _is_math(body: str) -> bool:
    """``$...$`` holds maths when it has LaTeX markup or is one short token (``$k$``, ``$O(n)$``)."""
    return bool(re.search(r"[\\_^{}]", body)) or bool(re.fullmatch(r"[A-Za-z0-9.,+\-*/=<>()|']{1,16}", body))


def _scripts(math: str) -> str:
    """``x^2`` -> ``x²``, ``\\alpha_{t}`` -> ``\\alphaₜ``; a script with no Unicode form keeps its marker, except
    before a symbol (``\\ell_\\infty`` -> ``\\ell\\infty``, shown ``ℓ∞``)."""
    def one(m):
        mark, body = m.group(1), m.group(2) if m.group(2) is not None else m.group(3)
        if body is None:  # a macro follows: the symbol is shown after its base
            return "" if mark == "_" else mark
        out = body.translate(_SUB if mark == "_" else _SUP)
        if (len(body) <= 3 or not body.isalpha()) and all(c != o for c, o in zip(body, out)):
            return "{" + out + "}"  # braced: a macro before it must not read it as part of its name
        return mark + "{" + body + "}"
    return _SCRIPT.sub(one, math)


def _math(m) -> str:
    body = m.group(1) if m.group(1) is not None else m.group(2)
    if m.group(1) is None and not _is_math(body):
        return m.group(0)
    return _convert("$" + _scripts(body) + "$").strip()


@lru_cache(maxsize=65536)
def readable(text: str) -> str:
    """``text`` with its LaTeX (inline maths, text macros, escaped specials, ties) as plain Unicode."""
    if not isinstance(text, str) or not _LOOKS_LATEX.search(text):
        return text
    out = _MATH.sub(_math, text)
    out = _ESCAPED.sub(r"\1", out)
    out = _TIE.sub(" ", out)
    out = _MACRO.sub(_macro, out)
    return out


def counted(n: int, one: str, many: str) -> str:
    """ "1 paper", "3 papers": the noun agrees with the number (also the templates' ``counted`` filter).

    >>> counted(1, "entity", "entities"), counted(0, "paper", "papers")
    ('1 entity', '0 papers')
    """
    return f"{n} {one if n == 1 else many}"
