#ifndef RD_OPENSSL_SHIM_H
#define RD_OPENSSL_SHIM_H

/* The 3.0 API only: a deprecated call is a compile error here. */
#define OPENSSL_API_COMPAT 30000
#define OPENSSL_NO_DEPRECATED

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/crypto.h>

/* libssl is not linked: relocating libssl and libcrypto costs every process about 5.7 M
 * instructions, more than half a plain check. rd_ssl_load() dlopens the distribution's
 * libssl.so.3 (security updates keep coming from the distro) when TLS is asked for, and
 * fills a table the wrappers below call through. Types and constants come from
 * libssl-dev's headers. Function-like macros Swift cannot import are wrapped here. */

#define RD_LIBSSL_SONAME "libssl.so.3"

typedef struct {
    int (*OPENSSL_init_ssl)(uint64_t, const OPENSSL_INIT_SETTINGS *);
    int (*CRYPTO_set_mem_functions)(CRYPTO_malloc_fn, CRYPTO_realloc_fn, CRYPTO_free_fn);
    void (*CRYPTO_free)(void *, const char *, int);
    const char *(*OpenSSL_version)(int);
    const SSL_METHOD *(*TLS_client_method)(void);
    SSL_CTX *(*SSL_CTX_new)(const SSL_METHOD *);
    void (*SSL_CTX_free)(SSL_CTX *);
    void (*SSL_CTX_set_verify)(SSL_CTX *, int, SSL_verify_cb);
    int (*SSL_CTX_load_verify_locations)(SSL_CTX *, const char *, const char *);
    int (*SSL_CTX_set_default_verify_paths)(SSL_CTX *);
    int (*SSL_CTX_use_certificate_chain_file)(SSL_CTX *, const char *);
    int (*SSL_CTX_use_PrivateKey_file)(SSL_CTX *, const char *, int);
    int (*SSL_CTX_check_private_key)(const SSL_CTX *);
    long (*SSL_CTX_ctrl)(SSL_CTX *, int, long, void *);
    void (*SSL_CTX_set_default_passwd_cb)(SSL_CTX *, pem_password_cb *);
    X509 *(*SSL_CTX_get0_certificate)(const SSL_CTX *);
    SSL *(*SSL_new)(SSL_CTX *);
    void (*SSL_free)(SSL *);
    int (*SSL_set_fd)(SSL *, int);
    long (*SSL_ctrl)(SSL *, int, long, void *);
    int (*SSL_set1_host)(SSL *, const char *);
    X509_VERIFY_PARAM *(*SSL_get0_param)(SSL *);
    int (*X509_VERIFY_PARAM_set1_ip_asc)(X509_VERIFY_PARAM *, const char *);
    int (*SSL_connect)(SSL *);
    int (*SSL_read)(SSL *, void *, int);
    int (*SSL_write)(SSL *, const void *, int);
    int (*SSL_get_error)(const SSL *, int);
    long (*SSL_get_verify_result)(const SSL *);
    const char *(*X509_verify_cert_error_string)(long);
    unsigned long (*ERR_get_error)(void);
    void (*ERR_error_string_n)(unsigned long, char *, size_t);
    void (*ERR_clear_error)(void);
    STACK_OF(X509) *(*SSL_get_peer_cert_chain)(const SSL *);
    const ASN1_TIME *(*X509_get0_notAfter)(const X509 *);
    X509_NAME *(*X509_get_subject_name)(const X509 *);
    X509_NAME *(*X509_get_issuer_name)(const X509 *);
    char *(*X509_NAME_oneline)(const X509_NAME *, char *, int);
    int (*ASN1_TIME_to_tm)(const ASN1_TIME *, struct tm *);
    void *(*X509_get_ext_d2i)(const X509 *, int, int *, int *);
    int (*OPENSSL_sk_num)(const OPENSSL_STACK *);
    void *(*OPENSSL_sk_value)(const OPENSSL_STACK *, int);
    void (*GENERAL_NAMES_free)(GENERAL_NAMES *);
    int (*ASN1_STRING_length)(const ASN1_STRING *);
    const unsigned char *(*ASN1_STRING_get0_data)(const ASN1_STRING *);
    const char *(*SSL_get_version)(const SSL *);
    const SSL_CIPHER *(*SSL_get_current_cipher)(const SSL *);
    const char *(*SSL_CIPHER_get_name)(const SSL_CIPHER *);
} rd_ssl_functions;

/* Loads `soname` and resolves every function above into `out`. NULL on success, else the
 * loader's message. dlsym on the libssl handle also finds libcrypto's functions: libssl
 * depends on it. RTLD_DEEPBIND: libcrypto's 4,000 symbol relocations (it is linked with
 * BIND_NOW) look in libssl and libcrypto first instead of the executable's 4,000 exported
 * symbols and libc: 1.3 M instructions fewer, and nothing of ours can interpose on OpenSSL. */
static inline const char *rd_ssl_load(const char *soname, rd_ssl_functions *out) {
    void *handle = dlopen(soname, RTLD_NOW | RTLD_LOCAL | RTLD_DEEPBIND);
    if (handle == NULL) return dlerror();
    rd_ssl_functions table;
    void *symbol;
#define RD_RESOLVE(name)                                              \
    if ((symbol = dlsym(handle, #name)) == NULL) return dlerror();    \
    memcpy(&table.name, &symbol, sizeof symbol);
    RD_RESOLVE(OPENSSL_init_ssl)
    RD_RESOLVE(CRYPTO_set_mem_functions)
    RD_RESOLVE(CRYPTO_free)
    RD_RESOLVE(OpenSSL_version)
    RD_RESOLVE(TLS_client_method)
    RD_RESOLVE(SSL_CTX_new)
    RD_RESOLVE(SSL_CTX_free)
    RD_RESOLVE(SSL_CTX_set_verify)
    RD_RESOLVE(SSL_CTX_load_verify_locations)
    RD_RESOLVE(SSL_CTX_set_default_verify_paths)
    RD_RESOLVE(SSL_CTX_use_certificate_chain_file)
    RD_RESOLVE(SSL_CTX_use_PrivateKey_file)
    RD_RESOLVE(SSL_CTX_check_private_key)
    RD_RESOLVE(SSL_CTX_ctrl)
    RD_RESOLVE(SSL_CTX_set_default_passwd_cb)
    RD_RESOLVE(SSL_CTX_get0_certificate)
    RD_RESOLVE(SSL_new)
    RD_RESOLVE(SSL_free)
    RD_RESOLVE(SSL_set_fd)
    RD_RESOLVE(SSL_ctrl)
    RD_RESOLVE(SSL_set1_host)
    RD_RESOLVE(SSL_get0_param)
    RD_RESOLVE(X509_VERIFY_PARAM_set1_ip_asc)
    RD_RESOLVE(SSL_connect)
    RD_RESOLVE(SSL_read)
    RD_RESOLVE(SSL_write)
    RD_RESOLVE(SSL_get_error)
    RD_RESOLVE(SSL_get_verify_result)
    RD_RESOLVE(X509_verify_cert_error_string)
    RD_RESOLVE(ERR_get_error)
    RD_RESOLVE(ERR_error_string_n)
    RD_RESOLVE(ERR_clear_error)
    RD_RESOLVE(SSL_get_peer_cert_chain)
    RD_RESOLVE(X509_get0_notAfter)
    RD_RESOLVE(X509_get_subject_name)
    RD_RESOLVE(X509_get_issuer_name)
    RD_RESOLVE(X509_NAME_oneline)
    RD_RESOLVE(ASN1_TIME_to_tm)
    RD_RESOLVE(X509_get_ext_d2i)
    RD_RESOLVE(OPENSSL_sk_num)
    RD_RESOLVE(OPENSSL_sk_value)
    RD_RESOLVE(GENERAL_NAMES_free)
    RD_RESOLVE(ASN1_STRING_length)
    RD_RESOLVE(ASN1_STRING_get0_data)
    RD_RESOLVE(SSL_get_version)
    RD_RESOLVE(SSL_get_current_cipher)
    RD_RESOLVE(SSL_CIPHER_get_name)
#undef RD_RESOLVE
    *out = table;
    return NULL;
}

/* The macros and constants Swift cannot import, over the loaded table. */
static inline int rd_ssl_verify_peer(void) { return SSL_VERIFY_PEER; }
static inline int rd_ssl_verify_none(void) { return SSL_VERIFY_NONE; }
static inline int rd_ssl_filetype_pem(void) { return SSL_FILETYPE_PEM; }
static inline int rd_ssl_error_want_read(void) { return SSL_ERROR_WANT_READ; }
static inline int rd_ssl_error_want_write(void) { return SSL_ERROR_WANT_WRITE; }
static inline int rd_ssl_error_zero_return(void) { return SSL_ERROR_ZERO_RETURN; }
static inline int rd_ssl_error_syscall(void) { return SSL_ERROR_SYSCALL; }
static inline long rd_x509_v_ok(void) { return X509_V_OK; }
static inline long rd_x509_v_err_cert_has_expired(void) { return X509_V_ERR_CERT_HAS_EXPIRED; }
static inline long rd_x509_v_err_hostname_mismatch(void) { return X509_V_ERR_HOSTNAME_MISMATCH; }
static inline long rd_x509_v_err_ip_mismatch(void) { return X509_V_ERR_IP_ADDRESS_MISMATCH; }

static inline int rd_ssl_init(rd_ssl_functions lib) {
    /* No clean-up at exit: the process ends right after, and OPENSSL_cleanup costs 1.4 M
     * instructions. The error strings stay (0.8 M): without them a failure reads
     * "reason(136)", and OpenSSL cannot load them later, once an error is there to tell. */
    return lib.OPENSSL_init_ssl(OPENSSL_INIT_LOAD_SSL_STRINGS | OPENSSL_INIT_LOAD_CRYPTO_STRINGS | OPENSSL_INIT_NO_ATEXIT, NULL);
}
/* OPENSSL_free: what OpenSSL allocated goes back to OpenSSL's allocator. */
static inline void rd_openssl_free(rd_ssl_functions lib, void *pointer) { lib.CRYPTO_free(pointer, OPENSSL_FILE, OPENSSL_LINE); }
static inline const char *rd_openssl_version(rd_ssl_functions lib) { return lib.OpenSSL_version(OPENSSL_VERSION); }
/* An encrypted --key must fail, not make OpenSSL prompt on the terminal past the deadline. */
static int rd_no_passphrase(char *buffer, int size, int rwflag, void *user) {
    (void)buffer; (void)size; (void)rwflag; (void)user;
    return 0;
}
static inline void rd_ssl_ctx_refuse_passphrases(rd_ssl_functions lib, SSL_CTX *ctx) {
    lib.SSL_CTX_set_default_passwd_cb(ctx, rd_no_passphrase);
}
static inline long rd_ssl_ctx_set_min_tls12(rd_ssl_functions lib, SSL_CTX *ctx) {
    return lib.SSL_CTX_ctrl(ctx, SSL_CTRL_SET_MIN_PROTO_VERSION, TLS1_2_VERSION, NULL);
}
static inline long rd_ssl_ctx_set_auto_retry(rd_ssl_functions lib, SSL_CTX *ctx) {
    return lib.SSL_CTX_ctrl(ctx, SSL_CTRL_MODE, SSL_MODE_AUTO_RETRY | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER, NULL);
}
static inline long rd_ssl_set_sni(rd_ssl_functions lib, SSL *ssl, const char *name) {
    return lib.SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, (void *)name);
}
/* The leaf of the chain the server sent, kept even when verification failed (the
 * session's peer certificate is then unset); not to be freed. */
static inline X509 *rd_ssl_peer_leaf(rd_ssl_functions lib, const SSL *ssl) {
    STACK_OF(X509) *chain = lib.SSL_get_peer_cert_chain(ssl);
    if (chain == NULL || lib.OPENSSL_sk_num((const OPENSSL_STACK *)chain) < 1) return NULL;
    return (X509 *)lib.OPENSSL_sk_value((const OPENSSL_STACK *)chain, 0);
}

/* The reason code of an error from libssl (SSL_R_...), or 0 for another library's. */
static inline int rd_ssl_reason(unsigned long code) { return ERR_GET_LIB(code) == ERR_LIB_SSL ? ERR_GET_REASON(code) : 0; }
static inline int rd_ssl_r_certificate_required(void) { return SSL_R_TLSV13_ALERT_CERTIFICATE_REQUIRED; }
static inline int rd_ssl_r_unsupported_protocol(void) { return SSL_R_UNSUPPORTED_PROTOCOL; }
static inline int rd_ssl_r_no_protocols_available(void) { return SSL_R_NO_PROTOCOLS_AVAILABLE; }
static inline int rd_ssl_r_alert_protocol_version(void) { return SSL_R_TLSV1_ALERT_PROTOCOL_VERSION; }
static inline int rd_ssl_r_wrong_version_number(void) { return SSL_R_WRONG_VERSION_NUMBER; }
static inline int rd_ssl_r_packet_length_too_long(void) { return SSL_R_PACKET_LENGTH_TOO_LONG; }

/* The reason text of an OpenSSL error code, into `buffer`. */
static inline void rd_err_text(rd_ssl_functions lib, unsigned long code, char *buffer, size_t size) {
    lib.ERR_error_string_n(code, buffer, size);
}
/* The DNS and IP entries of the certificate's subjectAltName, one per line into `buffer`
 * (IPv4 as dotted quads, IPv6 as 16 hex bytes); returns how many. */
static inline int rd_x509_sans(rd_ssl_functions lib, const X509 *cert, char *buffer, size_t size) {
    if (size == 0) return 0;
    buffer[0] = 0;
    GENERAL_NAMES *names = (GENERAL_NAMES *)lib.X509_get_ext_d2i(cert, NID_subject_alt_name, NULL, NULL);
    if (names == NULL) return 0;
    int count = 0;
    size_t used = 0;
    int total = lib.OPENSSL_sk_num((const OPENSSL_STACK *)names);
    for (int i = 0; i < total; i++) {
        const GENERAL_NAME *name = (const GENERAL_NAME *)lib.OPENSSL_sk_value((const OPENSSL_STACK *)names, i);
        char item[300]; /* a DNS name is at most 253 bytes */
        item[0] = 0;
        if (name->type == GEN_DNS) {
            int length = lib.ASN1_STRING_length(name->d.dNSName);
            const unsigned char *data = lib.ASN1_STRING_get0_data(name->d.dNSName);
            if (length < 0 || length > 253) continue;
            memcpy(item, "DNS:", 4);
            /* The certificate is the peer's: a control byte must not break a line of output. */
            for (int b = 0; b < length; b++) item[4 + b] = (data[b] < 0x20 || data[b] == 0x7f) ? '?' : (char)data[b];
            item[4 + length] = 0;
        } else if (name->type == GEN_IPADD) {
            int length = lib.ASN1_STRING_length(name->d.iPAddress);
            const unsigned char *data = lib.ASN1_STRING_get0_data(name->d.iPAddress);
            if (length == 4) {
                snprintf(item, sizeof item, "IP:%u.%u.%u.%u", data[0], data[1], data[2], data[3]);
            } else if (length == 16) {
                size_t at = (size_t)snprintf(item, sizeof item, "IP:");
                for (int b = 0; b < 16; b += 2) at += (size_t)snprintf(item + at, sizeof item - at, b ? ":%x" : "%x", (data[b] << 8) | data[b + 1]);
            } else continue;
        } else continue;
        size_t n = strlen(item);
        if (used + n + 2 > size) break;
        memcpy(buffer + used, item, n);
        used += n;
        buffer[used++] = '\n';
        buffer[used] = 0;
        count++;
    }
    lib.GENERAL_NAMES_free(names);
    return count;
}
#endif
