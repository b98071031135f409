/*
 * status.c: status names and the printf-style front of the diagnostics
 * callback.  Every other module reports through dg_diagf.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *dg_strerror(dg_status st)
{
    switch (st) {
    case DG_OK: return "success";
    case DG_ERR_NOMEM: return "out of memory";
    case DG_ERR_IO: return "input/output error";
    case DG_ERR_ENCODING: return "invalid UTF-8";
    case DG_ERR_SYNTAX: return "syntax error";
    case DG_ERR_LIMIT: return "limit exceeded";
    case DG_ERR_ARG: return "invalid argument";
    case DG_ERR_RDF: return "RDF serializer error";
    case DG_ERR_NET: return "connection failed";
    case DG_ERR_HTTP: return "HTTP error";
    case DG_ERR_AUTH: return "authentication failed";
    case DG_ERR_VERIFY: return "verification failed";
    }
    return "unknown status";
}

/* vsnprintf into buf (cap bytes) when it fits, else into a malloc'd
 * string (*big, the caller frees); NULL only when that allocation failed
 * (buf then holds the cut message). */
static char *vformat(char *buf, size_t cap, char **big, const char *fmt,
                     va_list ap)
{
    va_list again;
    int n;

    *big = NULL;
    va_copy(again, ap);
    n = vsnprintf(buf, cap, fmt, ap);
    if (n >= 0 && (size_t)n >= cap && (*big = malloc((size_t)n + 1)) != NULL)
        vsnprintf(*big, (size_t)n + 1, fmt, again);
    va_end(again);
    if (n >= 0 && (size_t)n >= cap && !*big)
        return NULL;
    return *big ? *big : buf;
}

void dg_diagf(dg_diag_fn diag, void *ctx, dg_status st, const char *where,
              const char *fmt, ...)
{
    char small[1024], *big, *msg;
    va_list ap;

    if (!diag)
        return;
    va_start(ap, fmt);
    msg = vformat(small, sizeof small, &big, fmt, ap);
    va_end(ap);
    diag(ctx, st, where, msg ? msg : small);
    free(big);
}

char *dg_vstrdupf(const char *fmt, va_list ap)
{
    char small[256], *big, *msg = vformat(small, sizeof small, &big, fmt, ap);

    if (msg == small) {
        size_t n = strlen(small) + 1;

        if ((big = malloc(n)) != NULL)
            memcpy(big, small, n);
    }
    return msg ? big : NULL;
}

char *dg_strdupf(const char *fmt, ...)
{
    va_list ap;
    char *s;

    va_start(ap, fmt);
    s = dg_vstrdupf(fmt, ap);
    va_end(ap);
    return s;
}
