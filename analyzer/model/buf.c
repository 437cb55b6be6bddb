/*
 * buf.c - heap-owned growable text for reporters and dumps.
 */
#include "ptlint/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for `extra` more bytes plus a NUL. */
static void buf_reserve(pt_buf *buf, size_t extra)
{
    size_t need = buf->len + extra + 1;
    if (need <= buf->cap) {
        return;
    }
    size_t cap = buf->cap ? buf->cap : 256;
    while (cap < need) {
        cap *= 2;
    }
    char *data = realloc(buf->data, cap);
    if (data == NULL) {
        fprintf(stderr, "ptlint: out of memory growing output\n");
        abort();
    }
    buf->data = data;
    buf->cap = cap;
}

void pt_buf_append(pt_buf *buf, const char *text, size_t len)
{
    buf_reserve(buf, len);
    memcpy(buf->data + buf->len, text, len);
    buf->len += len;
    buf->data[buf->len] = '\0';
}

void pt_buf_puts(pt_buf *buf, const char *text)
{
    pt_buf_append(buf, text, strlen(text));
}

void pt_buf_printf(pt_buf *buf, const char *fmt, ...)
{
    /* Formats straight into the spare room: only text that does not fit
       is formatted a second time, after growing. */
    size_t room = buf->cap - buf->len;
    char *spare = room > 0 ? buf->data + buf->len : NULL;
    va_list args;
    va_start(args, fmt);
    int needed = vsnprintf(spare, room, fmt, args);
    va_end(args);
    if (needed <= 0) {
        if (room > 0) {
            buf->data[buf->len] = '\0';
        }
        return;
    }
    if ((size_t)needed >= room) {
        buf_reserve(buf, (size_t)needed);
        va_start(args, fmt);
        vsnprintf(buf->data + buf->len, (size_t)needed + 1, fmt, args);
        va_end(args);
    }
    buf->len += (size_t)needed;
}

/* How many bytes from `p` on need no escaping: they are appended in one
   go rather than one by one. */
static size_t json_plain_run(const unsigned char *p)
{
    size_t n = 0;
    while (p[n] >= 0x20 && p[n] != '"' && p[n] != '\\') {
        n++;
    }
    return n;
}

void pt_buf_json_string(pt_buf *buf, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        size_t run = json_plain_run(p);
        if (run > 0) {
            pt_buf_append(buf, (const char *)p, run);
            p += run;
            continue;
        }
        switch (*p) {
        case '"':
            pt_buf_puts(buf, "\\\"");
            break;
        case '\\':
            pt_buf_puts(buf, "\\\\");
            break;
        case '\n':
            pt_buf_puts(buf, "\\n");
            break;
        case '\r':
            pt_buf_puts(buf, "\\r");
            break;
        case '\t':
            pt_buf_puts(buf, "\\t");
            break;
        default:
            pt_buf_printf(buf, "\\u%04x", *p);
        }
        p++;
    }
}

static size_t xml_plain_run(const unsigned char *p)
{
    size_t n = 0;
    while (p[n] != '\0' && p[n] != '<' && p[n] != '>' && p[n] != '&' &&
           p[n] != '"' && p[n] != '\'' &&
           (p[n] >= 0x20 || p[n] == '\n' || p[n] == '\t')) {
        n++;
    }
    return n;
}

void pt_buf_xml_escape(pt_buf *buf, const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        size_t run = xml_plain_run(p);
        if (run > 0) {
            pt_buf_append(buf, (const char *)p, run);
            p += run;
            continue;
        }
        switch (*p) {
        case '<':
            pt_buf_puts(buf, "&lt;");
            break;
        case '>':
            pt_buf_puts(buf, "&gt;");
            break;
        case '&':
            pt_buf_puts(buf, "&amp;");
            break;
        case '"':
            pt_buf_puts(buf, "&quot;");
            break;
        case '\'':
            pt_buf_puts(buf, "&#39;");
            break;
        default:
            pt_buf_puts(buf, "?");
        }
        p++;
    }
}

void pt_buf_clear(pt_buf *buf)
{
    buf->len = 0;
    if (buf->data != NULL) {
        buf->data[0] = '\0';
    }
}

void pt_buf_free(pt_buf *buf)
{
    free(buf->data);
    buf->data = NULL;
    buf->len = 0;
    buf->cap = 0;
}

const char *pt_buf_str(const pt_buf *buf)
{
    return buf->data ? buf->data : "";
}
