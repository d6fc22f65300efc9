"""Seeded synthetic corpus of ML paper listings, for benchmarks.

    python benchmarks/synth.py N OUT_DIR [--seed 0] [--layout a|b|mixed] [--per-file 500]
                               [--density real|dense]

writes N title/abstract entries as Hugging Face Daily Papers page dumps in the
two real page layouts (see kg/ingest/dailypapers.py), ``--per-file`` entries per
file, named ``NNNN_synth.txt``.  ``generate(n, seed, density)`` returns the entries.

Why synthetic: the benchmarks need corpora of any size whose statistics look
like real listings (long-tailed entity frequencies, acronym definitions, "we
propose X", "on the X benchmark", messy code links, duplicate titles across
files) without shipping real abstracts.  Same (n, seed, density) -> identical
entries and byte-identical files; the vocabulary itself does not depend on the seed.

Density calibration.  The first generator ("dense", kept byte for byte for old
measurements) named 1-3 entities in almost every sentence: ``paperkg extract``
found 13.3 distinct methods+datasets+benchmarks per paper (median 14), against
1.9 (median 1) on the real corpus /work/shared/corpus and 2.3 in the gold
annotations.  "real" (the default) writes mostly entity-free motivation,
description, analysis and limitation sentences, keeps one experiment sentence,
lets named slots reuse a small per-paper cast of names (as real abstracts repeat
their baselines), leaves ~30% of contributions unnamed ("we study ...") and puts
a GitHub link in 15% of abstracts.  Measured with ``paperkg extract`` (2,000
entries, seed 0; real corpus: 521 papers):

    per paper             real corpus   density=real   density=dense
    entities (mean/med)     1.93 / 1      3.00 / 3       13.33 / 14
    words per abstract      179           178            174
    sentences per abstract  7.5           8.4            12.9
    repos (GitHub share)    0.11 (0.10)   0.15 (0.15)    0.41 (0.41)
    proposes                0.55          0.69           1.01
    "(ACRONYM)" per paper   1.2           0.9            1.9

"real" stays slightly denser than real listings so that benchmarks on it remain
conservative.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import functools
import random
import re
import sys
from itertools import accumulate
from pathlib import Path
from typing import NamedTuple

__all__ = ["generate", "render_page", "write_corpus", "main", "LAYOUTS", "DENSITIES"]

LAYOUTS = ("a", "b", "mixed")
DENSITIES = ("real", "dense")
MIN_WORDS, MAX_WORDS = 120, 250
GITHUB_RATE, PROJECT_RATE, COLON_TITLE_RATE, DUP_RATE = 0.40, 0.10, 0.50, 0.05
_ZIPF_S = 1.07
# density="real" only (see the module docstring for the calibration): share of papers with a
# GitHub link and with no named contribution; chance that an intro/gap sentence, the proposal's
# "does" clause, a length-growing sentence, the core experiment sentence names entities (vs the
# entity-free pools); chance that a named slot draws a new name instead of reusing the paper's cast.
REAL_GITHUB_RATE, UNNAMED_RATE = 0.15, 0.30
P_NAMED_INTRO, P_NAMED_DOES, P_NAMED_GROW, P_FULL_EXPERIMENT, P_NEW_NAME = 0.25, 0.2, 0.15, 0.15, 0.2
_VOCAB_SEED = "paperkg-synth-vocabulary-v1"  # fixed: vocabulary is the same for every corpus seed

# --------------------------------------------------------------------------------------
# Vocabulary. Real, well-known names first (they get the high Zipf ranks), then
# generated ones appended by _vocab().  Entries are (name, acronym or "").
# --------------------------------------------------------------------------------------
_REAL_METHODS = [
    ("Transformer", ""), ("Low-Rank Adaptation", "LoRA"), ("Proximal Policy Optimization", "PPO"),
    ("Direct Preference Optimization", "DPO"), ("Group Relative Policy Optimization", "GRPO"),
    ("Chain-of-Thought", "CoT"), ("Reinforcement Learning from Human Feedback", "RLHF"),
    ("Adam", ""), ("AdamW", ""), ("GPT-4", ""), ("GPT-4o", ""), ("Llama 2", ""), ("Llama 3", ""),
    ("Vision Transformer", "ViT"), ("ResNet-50", ""), ("CLIP", ""), ("BERT", ""), ("T5", ""),
    ("Stable Diffusion", ""), ("Mixture-of-Experts", "MoE"), ("FlashAttention", ""), ("Mamba", ""),
    ("Retrieval-Augmented Generation", "RAG"), ("Stochastic Gradient Descent", "SGD"),
    ("Supervised Fine-Tuning", "SFT"), ("QLoRA", ""), ("DeepSeek-R1", ""), ("Qwen2.5", ""),
    ("Mistral 7B", ""), ("Mixtral 8x7B", ""), ("GPT-3", ""), ("GPT-2", ""), ("RoBERTa", ""),
    ("Denoising Diffusion Probabilistic Models", "DDPM"), ("Denoising Diffusion Implicit Models", "DDIM"),
    ("Latent Diffusion Models", "LDM"), ("Diffusion Transformer", "DiT"), ("ControlNet", ""),
    ("Neural Radiance Fields", "NeRF"), ("3D Gaussian Splatting", "3DGS"), ("Segment Anything Model", "SAM"),
    ("DINOv2", ""), ("Masked Autoencoders", "MAE"), ("SimCLR", ""), ("MoCo", ""), ("BYOL", ""),
    ("U-Net", ""), ("Swin Transformer", ""), ("ConvNeXt", ""), ("EfficientNet", ""), ("VGG", ""),
    ("YOLO", ""), ("Mask R-CNN", ""), ("Faster R-CNN", ""), ("DETR", ""), ("Lion", ""), ("Adafactor", ""),
    ("Shampoo", ""), ("Trust Region Policy Optimization", "TRPO"), ("Soft Actor-Critic", "SAC"),
    ("Deep Q-Network", "DQN"), ("TD3", ""), ("Conservative Q-Learning", "CQL"),
    ("Implicit Q-Learning", "IQL"), ("Monte Carlo Tree Search", "MCTS"), ("AlphaZero", ""), ("MuZero", ""),
    ("Decision Transformer", ""), ("DreamerV3", ""), ("Tree of Thoughts", "ToT"), ("ReAct", ""),
    ("Self-Consistency", ""), ("PagedAttention", ""), ("vLLM", ""), ("RWKV", ""), ("Switch Transformer", ""),
    ("Graph Convolutional Network", "GCN"), ("Graph Attention Network", "GAT"), ("GraphSAGE", ""),
    ("Long Short-Term Memory", "LSTM"), ("Variational Autoencoder", "VAE"),
    ("Generative Adversarial Network", "GAN"), ("StyleGAN2", ""), ("Flow Matching", ""),
    ("Rectified Flow", ""), ("Consistency Models", ""), ("Bayesian optimization", ""), ("Q-learning", ""),
    ("Model Predictive Control", "MPC"), ("Whisper", ""), ("wav2vec 2.0", ""), ("HuBERT", ""),
    ("AlphaFold2", ""), ("RT-2", ""), ("OpenVLA", ""), ("Diffusion Policy", ""), ("BLIP-2", ""),
    ("LLaVA", ""), ("Flamingo", ""), ("Gemini", ""), ("Claude 3", ""), ("PaLM", ""), ("Chinchilla", ""),
    ("DeepSeek-V3", ""), ("Qwen2-VL", ""), ("InstructGPT", ""), ("Codex", ""), ("Code Llama", ""),
    ("Speculative Decoding", ""), ("Knowledge Distillation", "KD"), ("Grouped-Query Attention", "GQA"),
    ("Rotary Position Embedding", "RoPE"), ("Parameter-Efficient Fine-Tuning", "PEFT"),
    ("Kahneman-Tversky Optimization", "KTO"), ("Odds Ratio Preference Optimization", "ORPO"),
    ("Simple Preference Optimization", "SimPO"), ("Sharpness-Aware Minimization", "SAM-opt"),
    ("Neural Tangent Kernel", "NTK"), ("Contrastive Language-Image Pre-training", "CLIP-L"),
]
_REAL_DATASETS = [
    "ImageNet", "CIFAR-10", "COCO", "CIFAR-100", "MNIST", "LAION-5B", "The Pile", "C4", "Common Crawl",
    "WikiText-103", "ImageNet-21k", "ADE20K", "Cityscapes", "Pascal VOC", "SVHN", "Fashion-MNIST",
    "LAION-400M", "Conceptual Captions", "WebVid-10M", "Kinetics-400", "Something-Something v2",
    "RedPajama", "FineWeb", "OpenWebText", "BookCorpus", "ShareGPT", "UltraFeedback", "Anthropic HH",
    "OASST1", "Alpaca", "MetaMathQA", "ScanNet", "ShapeNet", "Objaverse", "KITTI", "nuScenes",
    "Waymo Open Dataset", "Open X-Embodiment", "BridgeData V2", "DROID", "LibriSpeech", "Common Voice",
    "AudioSet", "MIMIC-III", "PubMed", "ZINC", "QM9", "CelebA", "FFHQ", "LSUN", "DTU", "Ego4D",
    "HowTo100M", "Mip-NeRF360", "Tanks and Temples", "SA-1B", "JFT-300M", "Visual Genome",
    "Flickr30k", "MS MARCO",
]
_REAL_BENCHMARKS = [
    "GSM8K", "MATH", "MMLU", "HumanEval", "MATH-500", "AIME 2024", "MBPP", "SWE-bench", "GPQA",
    "MMLU-Pro", "BIG-Bench Hard", "HellaSwag", "ARC-Challenge", "TruthfulQA", "LiveCodeBench",
    "SWE-bench Verified", "Codeforces", "AlpacaEval 2.0", "MT-Bench", "Arena-Hard", "GLUE", "SuperGLUE",
    "SQuAD", "Natural Questions", "TriviaQA", "HotpotQA", "LongBench", "RULER", "VQAv2", "MMMU",
    "MathVista", "MME", "POPE", "TextVQA", "DocVQA", "ChartQA", "GenEval", "T2I-CompBench", "VBench",
    "D4RL", "Atari", "MuJoCo", "Meta-World", "CALVIN", "LIBERO", "RLBench", "Procgen", "NetHack",
    "WebArena", "OSWorld", "AgentBench", "GAIA", "ToolBench", "Long Range Arena", "ImageNet-C",
    "WILDS", "OGB", "BEIR", "MTEB", "HELM",
]

_ADJ = [
    "Sparse", "Adaptive", "Hierarchical", "Contrastive", "Latent", "Recursive", "Dynamic", "Progressive",
    "Conditional", "Gated", "Residual", "Stochastic", "Implicit", "Spectral", "Causal", "Modular",
    "Elastic", "Orthogonal", "Federated", "Compositional", "Equivariant", "Bidirectional",
    "Curriculum-Guided", "Uncertainty-Aware", "Memory-Efficient", "Token-Level", "Multi-Scale",
    "Cross-Modal", "Self-Supervised", "Retrieval-Augmented", "Reward-Weighted", "Iterative",
    "Asynchronous", "Quantized", "Low-Rank", "Distributional", "Energy-Based", "Prototype-Guided",
    "Entropy-Regularized", "Structured",
]
_MID = [
    "Prefix", "Token", "Gradient", "Attention", "Policy", "Reward", "Kernel", "Feature", "Prompt", "Graph",
    "Memory", "Query", "Expert", "Patch", "Trajectory", "Preference", "Value", "Flow", "Score", "Codebook",
    "Context", "Anchor", "Cache", "Layer", "Scene", "Motion", "Step", "Verifier", "Sequence", "Region",
]
_HEAD = [
    "Routing", "Distillation", "Optimization", "Alignment", "Tuning", "Pruning", "Search", "Decoding",
    "Sampling", "Merging", "Matching", "Aggregation", "Compression", "Regularization", "Planning",
    "Fusion", "Adaptation", "Transformer", "Network", "Diffusion", "Splatting", "Calibration",
    "Reweighting", "Estimation", "Steering", "Scheduling", "Verification", "Editing", "Encoding",
    "Learning",
]
_BRAND_PRE = [
    "Flow", "Token", "Omni", "Hydra", "Nova", "Quasar", "Lumen", "Vista", "Atlas", "Echo", "Prism",
    "Helix", "Cobalt", "Zephyr", "Orbit", "Mosaic", "Aurora", "Kairos", "Nimbus", "Pulse", "Sage",
    "Astra", "Vector", "Delta", "Sigma", "Hyper", "Poly", "Uni", "Proto", "Neuro", "Tiny", "Deep",
    "Open", "Mega", "Micro", "Fast", "Long", "Meta", "Auto", "Insight",
]
_BRAND_SUF = [
    "Former", "Net", "GPT", "Diff", "Mind", "Agent", "Coder", "Pilot", "Gen", "Seg", "Splat", "RL",
    "Math", "VLA", "Fusion", "Align", "Tune", "Lens", "Scope", "Smith", "Forge", "Nav", "Reason",
    "Judge", "Mamba", "LM", "Vid", "Depth", "Edit", "Bot",
]
_BRAND_TAIL = ["", "", "", "", "-7B", "-R1", "++", " v2", "-Zero", "-XL", "-Lite", "2"]
_DATA_WORDS = [
    "Chart", "Scene", "Code", "Math", "Web", "Ego", "Robo", "Med", "Geo", "Audio", "Doc", "Table",
    "Story", "Dial", "Proof", "Mol", "Drive", "Sketch", "Bio", "Legal", "Finance", "Chem", "Game", "Plan",
]
_DATA_SUF = ["Mix", "Set", "Corpus", "Instruct", "Pile", "Caps", "QA", "Trace", "Bank", "World"]
_BENCH_SUF = ["Bench", "-Eval", "Arena", "QA", "-Hard", "Gym", "Suite", "Test"]

_ORGS = [
    "facebookresearch", "google-research", "microsoft", "huggingface", "openai", "THUDM", "OpenGVLab",
    "Tencent", "alibaba", "bytedance", "nvlabs", "apple", "salesforce", "allenai", "princeton-nlp",
    "stanford-crfm", "mit-han-lab", "deepseek-ai", "QwenLM", "baaivision", "PKU-YuanGroup", "sail-sg",
    "hkust-nlp", "NVIDIA", "amazon-science", "ibm", "intel", "snap-research", "tsinghua-fib-lab",
    "OpenBMB",
]
_FIRST = ["alex", "jun", "wei", "sara", "lin", "omar", "yuki", "maria", "chen", "ravi", "li", "anna",
          "kai", "zhang", "tom", "mei", "ivan", "nora", "hao", "lucas"]
_LAST = ["wang", "li", "smith", "kim", "liu", "garcia", "chen", "yang", "zhou", "patel", "nguyen",
         "mueller", "sato", "huang", "xu", "rossi", "park", "zhao", "lee", "sun"]

_TASKS = [
    "long-context language modeling", "mathematical reasoning", "text-to-image generation",
    "video generation", "robotic manipulation", "offline reinforcement learning", "code generation",
    "instruction tuning", "visual question answering", "3D reconstruction", "novel view synthesis",
    "speech recognition", "semantic segmentation", "object detection", "preference alignment",
    "machine translation", "graph representation learning", "protein structure prediction",
    "time-series forecasting", "multi-agent coordination", "continual learning", "federated learning",
    "model compression", "LLM inference", "retrieval-augmented generation", "tool use",
    "web navigation", "embodied planning", "anomaly detection", "domain adaptation", "image editing",
    "monocular depth estimation", "autonomous driving", "molecular generation", "weather forecasting",
    "text-to-3D generation", "theorem proving", "multimodal reasoning", "document understanding",
    "open-vocabulary segmentation",
]
_PROBLEMS = [
    "existing methods scale poorly with sequence length", "performance degrades sharply under distribution shift",
    "training remains unstable at scale", "the cost of inference grows quickly with model size",
    "current approaches need large amounts of labelled data", "evaluation protocols vary widely across papers",
    "the memory footprint limits practical deployment", "reward signals are sparse and noisy",
    "models often produce confident but wrong answers", "most pipelines ignore the structure of the input",
    "gradient estimates have high variance", "errors compound over long horizons",
    "strong results are confined to a handful of curated benchmarks", "fine-grained details are frequently lost",
    "alignment procedures are brittle and expensive to tune",
]
_MECHS = [
    "a lightweight gating module", "a shared low-rank bottleneck", "an auxiliary consistency loss",
    "a learned token-dropping schedule", "a two-stage curriculum", "group-normalised advantages",
    "a frozen pretrained encoder", "a differentiable top-k operator", "a memory bank of past examples",
    "a contrastive objective over paired views", "a value-free baseline", "an adaptive step-size rule",
    "a coarse-to-fine decoding strategy", "a small verifier model", "a mixture of specialised adapters",
    "a KV cache eviction policy", "hierarchical positional encodings", "a reward model trained on pairwise comparisons",
    "a discrete codebook", "an implicit neural field", "a tile-based rasterizer", "a cross-attention adapter",
]
_FINDINGS = [
    "data quality matters more than data quantity", "most of the gains come from better credit assignment",
    "simple baselines are stronger than previously reported", "scaling the number of samples at test time is surprisingly effective",
    "the benefit grows with model size", "a small amount of curated data suffices",
    "the learned representations transfer across tasks", "the method is robust to the choice of hyper-parameters",
    "performance saturates after a few thousand steps", "existing benchmarks overestimate progress",
]
_KINDS = ["framework", "method", "training recipe", "model design", "learning algorithm", "plug-in module", "technique"]
_MODELS_SIZE = ["1.3B", "3B", "7B", "8B", "13B", "70B", "small", "base-sized", "large"]


class _Vocab(NamedTuple):
    methods: tuple  # (name, acronym)
    methods_cw: tuple
    datasets: tuple
    datasets_cw: tuple
    benchmarks: tuple
    benchmarks_cw: tuple


def _acronym(long_form: str) -> str:
    return "".join(part[0].upper() for word in long_form.split() for part in word.split("-") if part)


def _cum_zipf(n: int) -> tuple:
    return tuple(accumulate(1.0 / (rank + 1) ** _ZIPF_S for rank in range(n)))


@functools.lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    """Real names plus a few hundred generated ones, Zipf-weighted by rank (built once, on first use)."""
    rng = random.Random(_VOCAB_SEED)
    methods = list(_REAL_METHODS)
    seen = {m for m, _ in methods}
    while len(methods) < 400:
        long_form = f"{rng.choice(_ADJ)} {rng.choice(_MID)} {rng.choice(_HEAD)}"
        if long_form not in seen:
            seen.add(long_form)
            methods.append((long_form, _acronym(long_form)))
    datasets = list(_REAL_DATASETS)
    seen = set(datasets)
    while len(datasets) < 160:
        name = f"{rng.choice(_DATA_WORDS)}{rng.choice(_DATA_SUF)}"
        name += rng.choice(["", "", f"-{rng.choice([10, 20, 50, 100, 200])}K", f"-{rng.choice([1, 2, 5])}M"])
        if name not in seen:
            seen.add(name)
            datasets.append(name)
    benchmarks = list(_REAL_BENCHMARKS)
    seen = set(benchmarks)
    while len(benchmarks) < 160:
        name = f"{rng.choice(_DATA_WORDS)}{rng.choice(_BENCH_SUF)}"
        if name not in seen:
            seen.add(name)
            benchmarks.append(name)
    return _Vocab(tuple(methods), _cum_zipf(len(methods)), tuple(datasets), _cum_zipf(len(datasets)),
                  tuple(benchmarks), _cum_zipf(len(benchmarks)))


# --------------------------------------------------------------------------------------
# Sentence templates.  Placeholders: {task} {Task} {problem} {m1} {m2} {d1} {d2} {b1} {b2}
# {name} (proposed, as defined), {short} (proposed, short form), {mech} {mech2} {finding}
# {kind} {pct} {x} {size} {n}.
# --------------------------------------------------------------------------------------
_INTRO = [
    "{Task} has advanced rapidly, yet {problem}.",
    "Recent progress in {task} has been driven by {m1}, but {problem}.",
    "{m1} has become a standard tool for {task}.",
    "Despite the success of {m1} on {task}, {problem}.",
    "Large language models (LLMs) increasingly rely on {m1} for {task}.",
    "A central difficulty in {task} is that {problem}.",
    "Existing approaches to {task} typically build on {m1} or {m2}, and {problem}.",
    "{Task} is a key capability for deployed machine learning systems.",
    "Scaling laws suggest that bigger models help {task}, but {problem}.",
    "Most prior work on {task} treats {m1} as a fixed component of the pipeline.",
    "Practitioners working on {task} face a familiar trade-off between accuracy and cost.",
    "Benchmarks such as {b1} have become the yardstick for {task}.",
]
_GAP = [
    "However, {problem}, which limits practical use.",
    "In particular, methods based on {m1} do not account for this.",
    "We argue that the root cause is a mismatch between training and inference.",
    "This gap is especially visible on long and compositional inputs.",
    "Moreover, the community lacks a controlled comparison of these design choices.",
    "As a result, gains reported on {b1} often fail to transfer to new settings.",
    "We find that the bottleneck lies less in model capacity than in how supervision is delivered.",
]
_PROPOSE_METHOD = [
    "We propose {name}, a {kind} that {does}.",
    "In this paper, we introduce {name}, which {does}.",
    "To address this, we present {name}, a simple {kind} for {task} that {does}.",
    "We propose {name}: a {kind} that {does}.",
    "Our method, dubbed {name}, {does}.",
    "We introduce {name}, built on top of {m1}, that {does}.",
    "This paper presents {name}, a {kind} that {does} without extra supervision.",
    "We develop {name}, which {does} and can be combined with {m1}.",
]
_PROPOSE_DATA = [
    "We introduce {name}, a dataset of {n} examples for {task} collected with careful human verification.",
    "To support this study we release {name}, a corpus of {n} annotated samples covering diverse domains.",
    "We present {name}, a large-scale dataset for {task} with {n} curated instances.",
]
_PROPOSE_BENCH = [
    "We introduce {name}, a benchmark of {n} tasks that probes {task} under realistic conditions.",
    "We propose {name}, an evaluation suite for {task} with {n} carefully filtered problems.",
    "To measure progress, we present {name}, a benchmark covering {n} test cases for {task}.",
]
_DOES = [
    "combines {mech} with {mech2}", "replaces the critic of {m1} with {mech}",
    "learns {mech} jointly with the backbone", "reuses {mech} across layers to cut computation",
    "adapts {mech} to the difficulty of each input", "distils the behaviour of {m1} into {mech}",
    "couples {m1} with {mech}", "augments {m1} with {mech}",
]
_DETAIL = [
    "The key idea is to use {mech} so that computation is spent where it matters.",
    "Unlike {m1}, {short} does not require {mech}.",
    "Concretely, {short} combines {m2} with {mech}.",
    "We show that {short} reduces to {m1} in a limiting case, which explains its stability.",
    "{short} can be used as a drop-in replacement for {m1} in existing pipelines.",
    "Our analysis shows that {finding}.",
    "We further provide a theoretical analysis that bounds the approximation error of {mech}.",
    "The design keeps the number of trainable parameters small, so training fits on a single GPU.",
    "A single hyper-parameter controls the trade-off between speed and quality.",
    "We also study the effect of {mech2} through a series of ablations.",
    "{short} is compatible with {m2} and requires only a few lines of code to integrate.",
    "Compared with {m1}, {short} halves the memory needed during training.",
]
_DATA = [
    "We train a {size} model on {d1}.",
    "Models are trained on {d1} and {d2} and evaluated without task-specific tuning.",
    "Trained on {d1}, {short} learns representations that transfer well to {task}.",
    "We pre-train on {d1} and fine-tune on {d2}.",
    "All models are trained on the same mixture of {d1} and {d2} for a fair comparison.",
]
_EXPERIMENT = [
    "Experiments on the {b1} benchmark show that {short} outperforms {m1} by {pct} points.",
    "On {b1} and {b2}, {short} achieves state-of-the-art results while using {x}x less compute.",
    "{short} outperforms {m1} and {m2} on the {b1} benchmark.",
    "We evaluate on {d1} and on the {b1} benchmark, where {short} improves accuracy by {pct}%.",
    "Trained on {d1}, our {size} model reaches {acc}% accuracy on {b1}.",
    "Across {n} tasks, including {b1} and {b2}, {short} consistently improves over strong baselines.",
    "On the {b1} benchmark, {short} closes most of the gap to much larger models.",
    "Extensive experiments on {b1}, {b2} and {d1} confirm the effectiveness of {short}.",
    "Our {size} model outperforms {m1} on {b1} and matches it on {b2}.",
    "Results on {d1} show a {pct}% relative improvement over {m1}.",
]
_EXPERIMENT_RESOURCE = [
    "Using {name}, we evaluate {n} models, including {m1} and {m2}, and find that {finding}.",
    "State-of-the-art systems such as {m1} reach only {acc}% on {short}, far below human performance.",
    "Models trained on {short} outperform those trained on {d1} on the {b1} benchmark.",
    "We benchmark {m1}, {m2} and several open models and observe large gaps across categories.",
]
_CLOSING = [
    "We hope {short} serves as a strong baseline for future work on {task}.",
    "These results suggest that {finding}.",
    "Our findings highlight the importance of evaluating {task} beyond {b1}.",
    "We discuss limitations and directions for future work.",
    "Overall, {short} offers a practical path towards scalable {task}.",
]
_CODE = [
    "Code is available at {url}", "Our code and models are publicly available at {url}",
    "The code is released at {url}", "Code: {url}", "We release our code at {url}",
    "Code and checkpoints are available at {url}", "Implementation available at {url}",
]
_PROJECT = ["Project page: {url}", "More results are on our project page: {url}", "Videos are available at {url}"]

# Real-density pools (``density="real"``): sentences that name no method, dataset or
# benchmark, so that most of an abstract is motivation, description and analysis, as
# in real listings.  Placeholders as above, plus {Short} (the short form, capitalised).
_MOTIVATION = [
    "{Task} has attracted growing attention because so many downstream applications depend on it, yet "
    "{problem}.",
    "Progress in {task} has been rapid over the past few years, driven largely by larger models and more "
    "data, but {problem}.",
    "A long-standing goal in {task} is a model that is accurate, cheap enough to run in practice, and "
    "predictable when the conditions of deployment change.",
    "As systems for {task} are deployed more widely and in more demanding settings, their failure modes "
    "become both more visible and harder to ignore.",
    "Many recent systems for {task} rely on ever larger models and datasets, which raises the cost of every "
    "experiment and puts careful comparisons out of reach for most groups.",
    "Although strong results have been reported for {task} in recent years, {problem}, and the reasons for "
    "this remain poorly understood.",
    "It is widely assumed that more data and more compute are the main drivers of progress in {task}, but "
    "this assumption has rarely been tested in a controlled way.",
    "A practical obstacle for anyone building systems for {task} is that {problem}, which makes results "
    "hard to reproduce and expensive to improve.",
    "Building reliable models for {task} remains difficult when labelled examples are scarce, inputs are "
    "noisy, and the test conditions differ from those seen in training.",
    "Much of the recent work on {task} focuses on raw accuracy, while efficiency, robustness and ease of "
    "use receive far less attention than they deserve.",
    "Recent advances in {generic} have changed how researchers approach {task}, yet {problem}.",
    "Applying {generic} to {task} is appealing because it promises general solutions, but {problem}.",
    "A growing body of work uses {generic} for {task}, typically at a considerable computational cost.",
]
_GAP_FREE = [
    "This makes it hard to tell whether the reported improvements reflect genuine progress or merely "
    "favourable evaluation choices made by each group.",
    "We observe that {problem}, especially when the test inputs differ from those seen during training or "
    "when the budget for tuning is small.",
    "Prior work has mostly addressed this with heuristics that must be tuned separately for each setting, "
    "which rarely transfer and are easy to get wrong.",
    "Closing this gap requires methods that exploit the structure of the problem instead of ignoring it, "
    "without adding a large amount of engineering effort.",
    "In practice, these shortcomings force practitioners to trade quality for speed or the other way round, "
    "and neither choice is satisfactory for real applications.",
]
_DOES_FREE = [
    "combines {mech} with {mech2}", "learns {mech} jointly with the backbone",
    "reuses {mech} across layers to cut computation", "adapts {mech} to the difficulty of each input",
    "spends computation only where the input requires it",
    "turns sparse outcome feedback into dense step-level signals through {mech}",
    "separates what the model attends to from how its parameters are updated",
    "replaces hand-tuned heuristics with {mech}",
]
_PROPOSE_UNNAMED = [
    "In this work, we study {task} through the lens of {mech} and ask when, and why, it actually helps.",
    "We present a simple {kind} for {task} that {does}, and we show that it is competitive with far more "
    "complex designs.",
    "We take a closer look at this problem and propose a {kind} that {does}.",
    "This paper investigates whether {mech} can remove this bottleneck without sacrificing quality or "
    "adding significant cost at inference time.",
    "To address this, we develop a {kind} that {does}, and we analyse both theoretically and empirically "
    "why it works.",
    "We revisit the standard recipe for {task} and show that a small number of careful changes goes a "
    "surprisingly long way.",
]
_DESCRIBE = [
    "The central idea is to rely on {mech} so that the model spends most of its capacity on the hard parts "
    "of each input rather than on the easy ones.",
    "At each step, {mech} decides which parts of the input to keep, while {mech2} refines the remaining "
    "representation before it is passed to the next stage.",
    "Our approach first builds a coarse estimate with {mech} and then corrects it with {mech2}, which "
    "avoids a costly search over candidate solutions at test time.",
    "Training proceeds in two phases: we first fit {mech} on easy examples and then gradually expose the "
    "model to harder ones as its estimates become reliable.",
    "Because {mech} is trained jointly with the rest of the model, no additional supervision, hand-written "
    "rules or manual tuning of the schedule is needed.",
    "The method adds only a small number of parameters and can be attached to an existing model without "
    "retraining it from scratch or changing its outputs on easy inputs.",
    "We formulate {task} as a Markov decision process (MDP) and use {mech} to assign credit to intermediate "
    "steps instead of only to the final outcome.",
    "To keep the cost low, {mech} is shared across layers and is updated only when its current estimate "
    "becomes unreliable, which happens rarely in practice.",
    "We show that the resulting objective admits a simple closed-form update, which makes the method easy "
    "to implement and cheap to run at every training step.",
    "{Short} treats the choice of {mech} as part of the learning problem rather than as a fixed design "
    "decision made once before training begins.",
    "In contrast to prior pipelines, {short} needs neither extra annotations nor a separate reward model, "
    "and it can be trained end to end with standard tools.",
]
_ANALYZE = [
    "Our analysis reveals that {finding}, and that this effect is consistent across model sizes and "
    "training budgets.",
    "A careful ablation study shows that both {mech} and {mech2} are necessary for the full gain, and that "
    "removing either of them erases most of the improvement.",
    "We further show that {finding}, which runs counter to common practice in {task} and suggests simple "
    "changes to standard training recipes.",
    "Qualitative inspection suggests that the learned behaviour is easier to interpret than that of the "
    "baselines, and that its errors are more predictable.",
    "Empirically, the method is stable across random seeds, requires little tuning, and keeps its advantage "
    "when the training data are reduced by half.",
    "The improvements are largest on long and difficult inputs, where existing methods tend to fail, and "
    "remain positive even on the easiest cases.",
    "In addition, the approach reduces training time by a factor of {x} at comparable quality, which makes "
    "it practical on modest hardware budgets.",
    "Experiments across a wide range of settings show consistent improvements of up to {pct}% over strong "
    "baselines, with the largest gains in the low-data regime.",
    "Our {size} model matches the quality of much larger models while being {x} times cheaper to run, both "
    "during training and at inference time.",
    "We also find that {short} degrades gracefully as the amount of training data shrinks, whereas the "
    "baselines collapse when fewer than a few hundred examples remain.",
]
_EXPERIMENT_LIGHT = [
    "On {b1}, {short} improves over the strongest baseline by {pct} points.",
    "Experiments on {b1} show that {short} outperforms prior methods while using {x}x less compute.",
    "Compared with {m1}, {short} improves accuracy by {pct}% at the same training budget.",
    "On the {b1} benchmark, {short} closes most of the gap to much larger models.",
    "Evaluated on {b1}, our {size} model reaches {acc}% accuracy, a new state of the art at this scale.",
    "Experiments on several benchmarks, including {b1}, show gains of up to {pct}% over {m1}.",
]
_LIMIT = [
    "We also discuss the limitations of our approach, in particular its reliance on {mech}, and how they "
    "might be relaxed in future work.",
    "The method still struggles when {problem}, which we leave to future work together with a more complete "
    "theoretical treatment.",
    "We discuss typical failure cases in detail and outline several directions for extending the approach "
    "to other settings and modalities.",
    "Our study is limited to {task}, and whether the same findings hold in other domains, or at much larger "
    "scales, remains an open question.",
]
_DESCRIBE_RESOURCE = [
    "Each example was checked by at least two annotators, and cases on which they disagreed after "
    "discussion were removed from the final release.",
    "The data span a wide range of difficulty, from routine cases to problems that need several steps of "
    "reasoning and careful reading of the context.",
    "We describe the collection protocol in detail and release the annotation guidelines together with the "
    "data, so that the resource can be extended by others.",
    "To limit contamination, every item was written or verified after the training cut-off of current "
    "models, and near-duplicates of public data were filtered out.",
    "{Short} is split into development and test sets that share no sources, so that scores on the test set "
    "reflect generalisation rather than memorisation.",
    "Items are grouped into categories so that failures can be traced to specific skills instead of being "
    "hidden in a single aggregate score.",
]
_CLOSING_FREE = [t for t in _CLOSING if "{b1}" not in t]

_TITLE_DESC = [
    "{Gerund} {task} with {m1}", "Towards {Adjl} {task}", "{Task} via {mechc}",
    "Rethinking {m1} for {task}", "When Does {m1} Help {Taskc}?", "On the {Prop} of {m1}",
    "Learning to {verb} for {task}", "{Taskc} without {mechc}", "Scaling {task} with {mechc}",
    "Efficient {task} through {mechc}", "A Closer Look at {m1} in {task}", "Beyond {m1}: {Gerund} {task}",
    "{Adjl} {task} at Scale", "Revisiting {b1}: What Matters for {Taskc}", "Benchmarking {task} on {b1}",
]
_TITLE_DESC_PLAIN = [t for t in _TITLE_DESC if ":" not in t]
_GERUNDS = ["Improving", "Accelerating", "Stabilizing", "Scaling", "Aligning", "Compressing", "Grounding",
            "Unifying", "Simplifying", "Evaluating"]
_ADJL = ["Robust", "Efficient", "Scalable", "Reliable", "Data-Efficient", "Faithful", "Generalizable",
         "Interpretable", "Controllable", "Training-Free"]
_PROPS = ["Convergence", "Robustness", "Sample Complexity", "Implicit Bias", "Limits", "Calibration",
          "Expressivity", "Stability"]
_VERBS = ["Plan", "Reason", "Search", "Retrieve", "Verify", "Compress", "Route", "Explore", "Forget", "Ground"]


def _title_case(text: str) -> str:
    small = {"a", "an", "the", "of", "for", "with", "and", "or", "on", "in", "to", "via", "at"}
    words = text.split(" ")
    return " ".join(w if (i and w in small) or not w[:1].islower() else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Writer:
    """Draws names and fills templates for one corpus; all randomness from one seeded RNG."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.v = _vocab()
        # density="real": the names one paper uses, {"m": [...], "d": [...], "b": [...]}; slots
        # reuse them as real abstracts repeat their baselines.  None: every slot draws afresh.
        self.cast: dict | None = None

    def zipf(self, pop: tuple, cw: tuple):
        return self.rng.choices(pop, cum_weights=cw, k=1)[0]

    def method_surface(self, defined: set, item: tuple | None = None) -> str:
        name, acr = item or self.zipf(self.v.methods, self.v.methods_cw)
        if not acr:
            return name
        r = self.rng.random()
        if name not in defined and r < 0.45:
            defined.add(name)
            return f"{name} ({acr})"
        return acr if r < 0.8 else name

    def method_short(self) -> str:
        """A method as a title would name it: the acronym or the name, never a definition."""
        if self.cast is None:
            name, acr = self.zipf(self.v.methods, self.v.methods_cw)
        else:
            name, acr = self.cast_pick("m", self.v.methods, self.v.methods_cw)
        return acr if acr and self.rng.random() < 0.5 else name

    def benchmark_short(self) -> str:
        if self.cast is None:
            return self.zipf(self.v.benchmarks, self.v.benchmarks_cw)
        return self.cast_pick("b", self.v.benchmarks, self.v.benchmarks_cw)

    def cast_pick(self, key: str, pop: tuple, cw: tuple, avoid=None):
        """A name from this paper's cast, or (with P_NEW_NAME, or when none fits) a new Zipf draw."""
        cast = self.cast[key]
        options = [x for x in cast if x != avoid]
        if options and self.rng.random() >= P_NEW_NAME:
            return self.rng.choice(options)
        value = self._distinct(pop, cw, avoid)
        if value not in cast:
            cast.append(value)
        return value

    def proposed(self) -> tuple[str, str, str]:
        """(first mention as defined, short form, kind) of the paper's own contribution."""
        rng = self.rng
        kind = rng.choices(("method", "dataset", "benchmark"), cum_weights=(80, 92, 100), k=1)[0]
        if kind == "dataset":
            name = f"{rng.choice(_DATA_WORDS)}{rng.choice(_DATA_SUF)}-{rng.choice([8, 12, 30, 60, 100, 250])}K"
            return name, name, kind
        if kind == "benchmark":
            name = f"{rng.choice(_BRAND_PRE)}{rng.choice(_DATA_WORDS)}{rng.choice(_BENCH_SUF)}"
            return name, name, kind
        if rng.random() < 0.07:  # a follow-up that re-proposes one of the generated methods
            name, acr = self.v.methods[rng.randrange(len(_REAL_METHODS), len(self.v.methods))]
            return f"{name} ({acr})", acr, kind
        if rng.random() < 0.5:
            long_form = f"{rng.choice(_ADJ)} {rng.choice(_MID)} {rng.choice(_HEAD)}"
            acr = _acronym(long_form)
            return f"{long_form} ({acr})", acr, kind
        name = f"{rng.choice(_BRAND_PRE)}{rng.choice(_BRAND_SUF)}{rng.choice(_BRAND_TAIL)}"
        return name, name, kind

    def proposed_real(self) -> tuple[str, str, str]:
        """Like ``proposed`` but ~30% of papers name no contribution ("we study ..."): ``("", "", "study")``."""
        if self.rng.random() < UNNAMED_RATE:
            return "", "", "study"
        return self.proposed()

    def fill(self, template: str, ctx: dict, defined: set) -> str:
        """Fill ``template``; only the placeholders it names are drawn (fresh per sentence)."""
        rng = self.rng
        values = dict(ctx)
        picked: dict = {}
        for key in _fields(template):
            if key in values:
                continue
            if self.cast is not None and key in _NAMED:
                kind = _NAMED[key]
                pool = _POOLS[kind]
                item = self.cast_pick(kind, getattr(self.v, pool), getattr(self.v, pool + "_cw"), picked.get(kind))
                picked[kind] = item
                values[key] = self.method_surface(defined, item) if kind == "m" else item
            elif key in ("m1", "m2"):
                values[key] = self.method_surface(defined)
            elif key in ("d1", "d2"):
                values[key] = self._distinct(self.v.datasets, self.v.datasets_cw, values.get("d1"))
            elif key in ("b1", "b2"):
                values[key] = self._distinct(self.v.benchmarks, self.v.benchmarks_cw, values.get("b1"))
            elif key in ("mech", "mech2"):
                values["mech"], values["mech2"] = rng.sample(_MECHS, 2)
            elif key == "does":
                values[key] = self.fill(rng.choice(_DOES), values, defined)
            else:
                values[key] = _SCALARS[key](rng)
        return template.format(**values)

    def _distinct(self, pop: tuple, cw: tuple, avoid) -> str:
        value = self.zipf(pop, cw)
        if value == avoid:
            value = pop[(pop.index(value) + 1) % len(pop)]
        return value


_NAMED = {"m1": "m", "m2": "m", "d1": "d", "d2": "d", "b1": "b", "b2": "b"}
_POOLS = {"m": "methods", "d": "datasets", "b": "benchmarks"}
_GENERIC = [  # generic classes and fields defined with an acronym, as real abstracts do; not entities
    "large language models (LLMs)", "reinforcement learning (RL)", "vision-language models (VLMs)",
    "graph neural networks (GNNs)", "multimodal large language models (MLLMs)", "deep neural networks (DNNs)",
    "multi-agent reinforcement learning (MARL)", "Large Language Models (LLMs)",
]
_SCALARS = {
    "problem": lambda rng: rng.choice(_PROBLEMS),
    "generic": lambda rng: rng.choice(_GENERIC),
    "finding": lambda rng: rng.choice(_FINDINGS),
    "kind": lambda rng: rng.choice(_KINDS),
    "pct": lambda rng: f"{rng.uniform(0.8, 12.0):.1f}",
    "acc": lambda rng: f"{rng.uniform(20.0, 92.0):.1f}",
    "x": lambda rng: rng.choice(["2", "3", "4", "5", "8", "10"]),
    "size": lambda rng: rng.choice(_MODELS_SIZE),
    "n": lambda rng: rng.choice(["12", "24", "48", "1,200", "3,500", "10K", "50K"]),
}


@functools.lru_cache(maxsize=None)
def _fields(template: str) -> tuple:
    """Placeholder names in template order ("m1" before "m2" matters for _distinct)."""
    return tuple(sorted(set(re.findall(r"{(\w+)}", template)), key=lambda k: (k[-1:] == "2", k)))


def _links(w: _Writer, short: str, github_rate: float = GITHUB_RATE) -> tuple[list[str], bool]:
    """Closing link sentences: a GitHub repo (``github_rate``, some messy) and/or a project page (~10%)."""
    rng = w.rng
    out = []
    has_code = rng.random() < github_rate
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", short.replace("++", "pp")).strip("-.") or "code"
    if has_code:
        if rng.random() < 0.55:
            owner = rng.choice(_ORGS)
        else:
            owner = f"{rng.choice(_FIRST)}{rng.choice(_LAST)}{rng.choice(['', '', '42', '7', '-ai', '-lab'])}"
        repo = slug if rng.random() < 0.6 else slug.lower()
        url = f"https://github.com/{owner}/{repo}"
        r = rng.random()
        if r < 0.15:
            url = url + "."
        elif r < 0.23:
            url = url[len("https://"):]
        elif r < 0.28:
            url = "\\url{" + url + "}"
        elif r < 0.33:
            url = url + "/tree/main"
        elif r < 0.37:
            url = "{" + url + "}{" + url + "}"
        elif r < 0.40:
            url = url + ".git"
        elif r < 0.43:
            url = url.replace("https://", "http://")
        out.append(rng.choice(_CODE).format(url=url))
    if rng.random() < PROJECT_RATE:
        if rng.random() < 0.5:
            url = f"https://{slug.lower()}.github.io"
        else:
            url = f"https://{rng.choice(_FIRST)}{rng.choice(_LAST)}.github.io/{slug}/"
        if rng.random() < 0.3:
            url += "."
        out.append(rng.choice(_PROJECT).format(url=url))
    return out, has_code


def _words(sentences) -> int:
    return sum(len(s.split()) for s in sentences)


def _trim_to_max(rng: random.Random, head: list, body: list, tail: list, words: int) -> list:
    """Drop body sentences at random, then the closing, then leading context until MAX_WORDS fits.

    ``head`` and ``body`` are shortened in place; returns the (possibly emptied) tail.
    """
    while words > MAX_WORDS and len(body) > 1:
        words -= len(body.pop(rng.randrange(len(body)))[1].split())
    if words > MAX_WORDS and tail:
        words -= _words(tail)
        tail = []
    while words > MAX_WORDS and len(head) > 1:
        words -= len(head.pop(0).split())
    return tail


def _abstract(w: _Writer, task: str, name: str, short: str, kind: str) -> str:
    """Context, proposal, details, data, experiments, closing, links; 120-250 words."""
    rng = w.rng
    defined: set = set()
    ctx = {"task": task, "Task": _cap(task), "name": name, "short": short}
    fill = functools.partial(w.fill, ctx=ctx, defined=defined)
    target = int(rng.triangular(MIN_WORDS + 10, MAX_WORDS - 15, 175))
    head = [fill(t) for t in rng.sample(_INTRO, rng.choice((1, 1, 2)))]
    if rng.random() < 0.6:
        head.append(fill(rng.choice(_GAP)))
    if kind == "method":
        head.append(fill(rng.choice(_PROPOSE_METHOD)))
        pools = (_DETAIL, _DATA, _EXPERIMENT)
        core = [rng.randrange(len(_DETAIL)), len(_DETAIL) + len(_DATA) + rng.randrange(len(_EXPERIMENT))]
    else:
        head.append(fill(rng.choice(_PROPOSE_DATA if kind == "dataset" else _PROPOSE_BENCH)))
        pools = (_DETAIL[5:7], (), _EXPERIMENT_RESOURCE)
        core = [2 + rng.randrange(len(_EXPERIMENT_RESOURCE))]
    flat = [(role, t) for role, pool in enumerate(pools) for t in pool]
    body = [(flat[i][0], fill(flat[i][1])) for i in core]
    used: set = set(core)
    tail = [fill(rng.choice(_CLOSING))] if rng.random() < 0.6 else []
    links, _ = _links(w, short)
    words = _words(head) + _words(s for _, s in body) + _words(tail) + _words(links)
    for _ in range(14):  # grow towards the target length with distinct extra sentences
        if words >= target:
            break
        i = rng.randrange(len(flat))
        if i in used:
            continue
        used.add(i)
        sentence = fill(flat[i][1])
        body.append((flat[i][0], sentence))
        words += len(sentence.split())
    while words < MIN_WORDS:  # rare: every distinct sentence was short; allow a repeat
        role, template = flat[rng.randrange(len(flat))]
        sentence = fill(template)
        body.append((role, sentence))
        words += len(sentence.split())
    tail = _trim_to_max(rng, head, body, tail, words)
    body.sort(key=lambda item: item[0])  # stable: details, then data, then experiments
    return " ".join(head + [s for _, s in body] + tail + links)


def _abstract_real(w: _Writer, task: str, name: str, short: str, kind: str) -> str:
    """Like ``_abstract`` but mostly entity-free sentences: ~3 named entities per paper, as calibrated."""
    rng = w.rng
    defined: set = set()
    slug = short
    if not short:  # an unnamed study refers to its own contribution generically
        short = rng.choice(("our method", "our approach", "the proposed method"))
        slug = f"{rng.choice(_MID)}-{rng.choice(_HEAD)}".lower()
    ctx = {"task": task, "Task": _cap(task), "name": name, "short": short, "Short": _cap(short)}

    def fill(template: str) -> str:
        return _cap(w.fill(template, ctx=ctx, defined=defined))

    ctx["does"] = w.fill(rng.choice(_DOES if rng.random() < P_NAMED_DOES else _DOES_FREE), ctx, defined)
    target = int(rng.triangular(MIN_WORDS, MAX_WORDS - 30, 160))  # long sentences overshoot by ~12 words
    head = [fill(rng.choice(_INTRO if rng.random() < P_NAMED_INTRO else _MOTIVATION))]
    if rng.random() < 0.3:
        head.append(fill(rng.choice(_MOTIVATION)))
    if rng.random() < 0.5:
        head.append(fill(rng.choice(_GAP if rng.random() < P_NAMED_INTRO else _GAP_FREE)))
    if kind == "study":
        head.append(fill(rng.choice(_PROPOSE_UNNAMED)))
    elif kind == "method":
        head.append(fill(rng.choice(_PROPOSE_METHOD)))
    else:
        head.append(fill(rng.choice(_PROPOSE_DATA if kind == "dataset" else _PROPOSE_BENCH)))
    # (role, template): roles order the body: describe, data, experiment, analysis, limitation
    if kind in ("method", "study"):
        free = [(0, t) for t in _DESCRIBE] + [(3, t) for t in _ANALYZE] + [(4, t) for t in _LIMIT]
        named = ([(0, t) for t in _DETAIL] + [(1, t) for t in _DATA]
                 + [(2, t) for t in _EXPERIMENT + _EXPERIMENT_LIGHT])
        core = [(2, rng.choice(_EXPERIMENT if rng.random() < P_FULL_EXPERIMENT else _EXPERIMENT_LIGHT))]
    else:
        free = ([(0, t) for t in _DESCRIBE_RESOURCE] + [(3, _ANALYZE[0]), (3, _ANALYZE[2])]
                + [(4, t) for t in _LIMIT])
        named = [(2, t) for t in _EXPERIMENT_RESOURCE]
        core = [(2, rng.choice(_EXPERIMENT_RESOURCE))]
    body = [(role, fill(t)) for role, t in core]
    used: set = set(core)
    tail = [fill(rng.choice(_CLOSING_FREE))] if rng.random() < 0.6 else []
    links, _ = _links(w, slug, REAL_GITHUB_RATE)
    words = _words(head) + _words(s for _, s in body) + _words(tail) + _words(links)
    for _ in range(20):  # grow towards the target length, mostly with entity-free sentences
        if words >= target:
            break
        item = rng.choice(named if rng.random() < P_NAMED_GROW else free)
        if item in used:
            continue
        used.add(item)
        sentence = fill(item[1])
        body.append((item[0], sentence))
        words += len(sentence.split())
    while words < MIN_WORDS:  # rare: allow a repeated entity-free sentence
        role, template = rng.choice(free)
        sentence = fill(template)
        body.append((role, sentence))
        words += len(sentence.split())
    tail = _trim_to_max(rng, head, body, tail, words)
    body.sort(key=lambda item: item[0])
    return " ".join(head + [s for _, s in body] + tail + links)


def _title(w: _Writer, task: str, short: str) -> str:
    rng = w.rng
    prefixed = rng.random() < COLON_TITLE_RATE and bool(short)  # an unnamed study has no "Name:" prefix
    template = rng.choice(_TITLE_DESC_PLAIN if prefixed else _TITLE_DESC)
    mech = rng.choice(_MECHS).split(" ", 1)[1]  # drop the article
    values = {
        "task": task, "Task": _cap(task), "Taskc": _title_case(task),
        "m1": w.method_short(),
        "b1": w.benchmark_short(),
        "mechc": _title_case(mech), "Gerund": rng.choice(_GERUNDS), "Adjl": rng.choice(_ADJL),
        "Prop": rng.choice(_PROPS), "verb": rng.choice(_VERBS),
    }
    desc = _title_case(template.format(**values))
    if prefixed:
        return f"{short}: {desc}"
    return desc


def generate(n: int, seed: int = 0, density: str = "real") -> list[dict]:
    """``n`` synthetic listing entries ``{"title", "abstract"}``; about 5% repeat an earlier title.

    ``density="dense"`` is the original generator (~13 entities per paper), kept byte for byte
    so that earlier measurements can be reproduced.
    """
    if n < 0:
        raise ValueError("n must be >= 0")
    if density not in DENSITIES:
        raise ValueError(f"density must be one of {', '.join(DENSITIES)}")
    real = density == "real"
    rng = random.Random(seed)
    w = _Writer(rng)
    out: list[dict] = []
    originals: list[int] = []
    seen_titles: set = set()
    for i in range(n):
        if originals and rng.random() < DUP_RATE:
            src = out[originals[rng.randrange(len(originals))]]
            abstract = src["abstract"]
            if rng.random() < 0.6:  # the other listing carries a shorter abstract
                cut = abstract.rfind(". ", 0, len(abstract) - 1)
                shorter = abstract[:cut + 1]
                if cut > 0 and len(shorter.split()) >= MIN_WORDS:
                    abstract = shorter
            out.append({"title": src["title"], "abstract": abstract})
            continue
        task = rng.choice(_TASKS)
        if real:
            w.cast = {"m": [], "d": [], "b": []}
        name, short, kind = w.proposed_real() if real else w.proposed()
        title = _title(w, task, short)
        tries = 0
        while title in seen_titles:
            tries += 1
            title = _title(w, task, short) if tries < 20 else f"{title} ({tries})"
        seen_titles.add(title)
        originals.append(i)
        abstract = (_abstract_real if real else _abstract)(w, task, name, short, kind)
        out.append({"title": title, "abstract": abstract})
    return out


_HEADER_A = ["new", "", "Get trending papers in your email inbox!", "", "Subscribe", "", "Daily Papers", "",
             "byAK and the research community", ""]
_HEADER_B = ["Get trending papers in your email inbox once a day!", "Get trending papers in your email inbox!"]


def render_page(entries: list[dict], layout: str, day: _dt.date, blank_at: int | None = None) -> str:
    """One Daily Papers page dump: layout "a" (blocks) or "b" (alternating lines, glued "Subscribe")."""
    if layout == "a":
        lines = list(_HEADER_A) + [f"{day:%b} {day.day}", ""]
        for e in entries:
            lines += [e["title"], "", e["abstract"], ""]
        if entries:
            lines.pop()
    elif layout == "b":
        lines = list(_HEADER_B)
        for i, e in enumerate(entries):
            lines += [("Subscribe" + e["title"]) if i == 0 else e["title"], e["abstract"]]
            if blank_at is not None and i == blank_at:
                lines.append("")  # real dumps sometimes carry a stray blank line
    else:
        raise ValueError(f"unknown layout {layout!r}")
    return "\n".join(lines) + "\n"


def write_corpus(entries: list[dict], out_dir, layout: str = "mixed", per_file: int = 500,
                 seed: int = 0) -> list[Path]:
    """Write ``entries`` as page dumps ``NNNN_synth.txt`` (atomically); return the paths in order.

    Stale ``NNNN_synth.txt`` files from an earlier, larger run in the same folder are removed so
    the folder always holds exactly this corpus.
    """
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {', '.join(LAYOUTS)}")
    if per_file < 1:
        raise ValueError("per_file must be >= 1")
    write_text = _atomic_write_text()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(f"layout-{seed}")
    start = _dt.date(2025, 1, 6)
    paths = []
    for k, lo in enumerate(range(0, len(entries), per_file)):
        chunk = entries[lo:lo + per_file]
        lay = layout if layout != "mixed" else rng.choice("ab")
        blank_at = rng.randrange(len(chunk) - 1) if len(chunk) > 2 else None
        path = out / f"{k:04d}_synth.txt"
        write_text(path, render_page(chunk, lay, start + _dt.timedelta(days=k), blank_at))
        paths.append(path)
    for stale in sorted(out.glob("[0-9][0-9][0-9][0-9]_synth.txt")):
        if int(stale.name[:4]) >= len(paths):
            stale.unlink()
    return paths


def _atomic_write_text():
    try:
        from kg.atomic import write_text
    except ImportError:  # run as a plain script from a checkout
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        from kg.atomic import write_text
    return write_text


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be >= 1: {value}")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a seeded synthetic Daily Papers corpus.")
    parser.add_argument("n", type=_positive, metavar="N", help="number of entries (abstracts)")
    parser.add_argument("out_dir", metavar="OUT_DIR")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--layout", choices=LAYOUTS, default="mixed")
    parser.add_argument("--per-file", type=_positive, default=500)
    parser.add_argument("--density", choices=DENSITIES, default="real",
                        help="entity density: real (calibrated, default) or dense (the original generator)")
    args = parser.parse_args(argv)
    entries = generate(args.n, seed=args.seed, density=args.density)
    try:
        paths = write_corpus(entries, args.out_dir, args.layout, args.per_file, args.seed)
    except OSError as exc:
        print(f"synth: cannot write {args.out_dir}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    distinct = len({e["title"] for e in entries})
    print(f"wrote {len(entries)} entries ({distinct} distinct titles) in {len(paths)} files to {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
