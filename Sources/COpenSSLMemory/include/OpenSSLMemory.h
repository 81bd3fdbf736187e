#ifndef RD_OPENSSL_MEMORY_H
#define RD_OPENSSL_MEMORY_H

#include <stddef.h>

/* The allocator handed to OpenSSL with CRYPTO_set_mem_functions (same signatures).
 * A TLS connection makes about 15,000 small allocations; glibc's malloc and free spend
 * 2.5 M instructions on them, more than the gap to redis-cli, which links jemalloc.
 * Blocks of up to 16 KiB come from per-size free lists carved out of 256 KiB chunks
 * (a freed block serves the next request of its size, so repeated connections reuse the
 * same memory); larger ones go to malloc. One spin lock: OpenSSL may be used from several
 * threads, each hold lasts a few instructions. Memory is never given back to the system:
 * the pool stays at the peak of what OpenSSL held at once. */
void *rd_pool_malloc(size_t size, const char *file, int line);
void *rd_pool_realloc(void *pointer, size_t size, const char *file, int line);
void rd_pool_free(void *pointer, const char *file, int line);
/* The bytes of chunks the pool has taken from malloc so far (it never gives them back). */
size_t rd_pool_reserved_bytes(void);

#endif
