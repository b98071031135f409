/*
 * status.c: status names and the printf-style front of the diagnostics
 * callback.  Every other module reports through dg_diagf.
 */
#include "internal.h"

#include <stdio.h>

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

void dg_diagf(dg_diag_fn diag, void *ctx, dg_status st, const char *where,
              const char *fmt, ...)
{
    char msg[1024];
    va_list ap;

    if (!diag)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag(ctx, st, where, msg);
}
