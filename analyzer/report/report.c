/*
 * report.c - picks the reporter for a format name.
 */
#include "report/report.h"

#include <string.h>

#include "report/report_util.h"

typedef void (*report_fn)(const pt_findings *findings,
                          const pt_report_info *info, pt_buf *out);

typedef struct report_format {
    const char *name;
    report_fn write;
} report_format;

static const report_format FORMATS[] = {
    {"text", pt_report__text},     {"json", pt_report__json},
    {"sarif", pt_report__sarif},   {"junit", pt_report__junit},
    {"github", pt_report__github}, {"gitlab", pt_report__gitlab},
};

/* The format called `name`, or NULL when there is none. */
static const report_format *find_format(const char *name)
{
    if (name == NULL) {
        return NULL;
    }
    for (size_t i = 0; i < sizeof(FORMATS) / sizeof(FORMATS[0]); i++) {
        if (strcmp(FORMATS[i].name, name) == 0) {
            return &FORMATS[i];
        }
    }
    return NULL;
}

bool pt_report_format_known(const char *format)
{
    return find_format(format) != NULL;
}

bool pt_report_write(const char *format, const pt_findings *findings,
                     const pt_report_info *info, pt_buf *out)
{
    const report_format *found = find_format(format);
    if (found == NULL) {
        return false;
    }
    found->write(findings, info, out);
    return true;
}
