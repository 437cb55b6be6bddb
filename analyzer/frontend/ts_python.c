/* ts_python.c - placeholder until the frontend lands: text and lines only. */
#include "frontend/frontend.h"

pt_unit *pt_parse_python(const char *path, const char *text, size_t length,
                                const pt_frontend_options *options)
{
    (void)options;
    return pt_unit_new(path, PT_LANG_PYTHON, text, length);
}
