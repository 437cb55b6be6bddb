/*
 * buf.h - a growable, heap-owned text buffer for building output.
 */
#ifndef PTLINT_BUF_H
#define PTLINT_BUF_H

#include <stdbool.h>
#include <stddef.h>

/* A text buffer; zero-initialised is empty, pt_buf_free() releases it. */
typedef struct pt_buf {
    char *data;                 /* NUL-terminated; NULL until first write */
    size_t len;
    size_t cap;
} pt_buf;

/* Appends `len` bytes.  Aborts with a message when out of memory. */
void pt_buf_append(pt_buf *buf, const char *text, size_t len);

/* Appends a NUL-terminated string. */
void pt_buf_puts(pt_buf *buf, const char *text);

/* printf onto the end of the buffer. */
void pt_buf_printf(pt_buf *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Appends `text` escaped as the inside of a JSON string. */
void pt_buf_json_string(pt_buf *buf, const char *text);

/* Appends `text` escaped for XML/HTML text and attributes. */
void pt_buf_xml_escape(pt_buf *buf, const char *text);

/* Empties the buffer, keeping its storage. */
void pt_buf_clear(pt_buf *buf);

/* Frees the storage; the buffer is empty and reusable after.  */
void pt_buf_free(pt_buf *buf);

/* The contents, "" when nothing was written. */
const char *pt_buf_str(const pt_buf *buf);

#endif
