#ifndef CFILESWAP_H
#define CFILESWAP_H
/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, or -1 with errno set (ENOSYS/EINVAL where the
/// kernel or file system cannot exchange).
int protosite_exchange_paths(const char *a, const char *b);
#endif
