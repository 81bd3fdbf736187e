#include "OpenSSLMemory.h"

#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Every block starts with a 16-byte header holding its size class (0: from malloc), which
 * keeps the payload 16-byte aligned as malloc's is. */
enum { HEADER = 16, CHUNK = 256 * 1024, CLASSES = 38 };

typedef struct free_block { struct free_block *next; } free_block;

static atomic_flag pool_lock = ATOMIC_FLAG_INIT;
static free_block *free_lists[CLASSES];
static char *cursor, *chunk_end;
static size_t reserved;

/* 1...32: 16-byte steps up to 512 bytes; 33...37: powers of two up to 16 KiB; 0: larger. */
static size_t class_of(size_t size) {
    if (size <= 512) return size == 0 ? 1 : (size + 15) / 16;
    for (size_t cls = 33, capacity = 1024; cls < CLASSES; cls++, capacity <<= 1)
        if (size <= capacity) return cls;
    return 0;
}

static size_t capacity_of(size_t cls) { return cls <= 32 ? cls * 16 : (size_t)1024 << (cls - 33); }

static void lock(void) {
    while (atomic_flag_test_and_set_explicit(&pool_lock, memory_order_acquire)) sched_yield();
}

static void unlock(void) { atomic_flag_clear_explicit(&pool_lock, memory_order_release); }

void *rd_pool_malloc(size_t size, const char *file, int line) {
    (void)file;
    (void)line;
    size_t cls = class_of(size);
    if (cls == 0) {
        if (size > SIZE_MAX - HEADER) return NULL;
        size_t *raw = malloc(size + HEADER);
        if (raw == NULL) return NULL;
        raw[0] = 0;
        return (char *)raw + HEADER;
    }
    size_t span = capacity_of(cls) + HEADER;
    lock();
    free_block *reused = free_lists[cls];
    if (reused != NULL) {
        free_lists[cls] = reused->next;
        unlock();
        return reused;
    }
    if (cursor == NULL || (size_t)(chunk_end - cursor) < span) {
        /* The old chunk's tail (under 16 KiB) is left unused. */
        char *fresh = malloc(CHUNK);
        if (fresh == NULL) {
            unlock();
            return NULL;
        }
        cursor = fresh;
        chunk_end = fresh + CHUNK;
        reserved += CHUNK;
    }
    char *block = cursor;
    cursor += span;
    unlock();
    ((size_t *)block)[0] = cls;
    return block + HEADER;
}

void rd_pool_free(void *pointer, const char *file, int line) {
    (void)file;
    (void)line;
    if (pointer == NULL) return;
    size_t *header = (size_t *)((char *)pointer - HEADER);
    size_t cls = header[0];
    if (cls == 0) {
        free(header);
        return;
    }
    free_block *block = pointer;
    lock();
    block->next = free_lists[cls];
    free_lists[cls] = block;
    unlock();
}

void *rd_pool_realloc(void *pointer, size_t size, const char *file, int line) {
    if (pointer == NULL) return rd_pool_malloc(size, file, line);
    if (size == 0) {
        rd_pool_free(pointer, file, line);
        return NULL;
    }
    size_t *header = (size_t *)((char *)pointer - HEADER);
    if (header[0] == 0) {
        /* A large block stays a malloc block, whatever its new size. */
        if (size > SIZE_MAX - HEADER) return NULL;
        size_t *raw = realloc(header, size + HEADER);
        return raw == NULL ? NULL : (char *)raw + HEADER;
    }
    size_t capacity = capacity_of(header[0]);
    if (size <= capacity) return pointer;
    void *moved = rd_pool_malloc(size, file, line);
    if (moved == NULL) return NULL;
    memcpy(moved, pointer, capacity);
    rd_pool_free(pointer, file, line);
    return moved;
}

size_t rd_pool_reserved_bytes(void) {
    lock();
    size_t bytes = reserved;
    unlock();
    return bytes;
}
