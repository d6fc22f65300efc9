"""(owned by its issue; filled in during this session)"""
