/*
 * naming_style.c - see naming_style.h.
 */
#include "rules/util_naming_style.h"

#include <ctype.h>
#include <string.h>

static const char *const style_names[PT_CASE_COUNT] = {
    [PT_CASE_NONE] = "any",          [PT_CASE_LOWER_WORD] = "lowercase",
    [PT_CASE_SNAKE] = "snake_case",  [PT_CASE_CAMEL] = "camelCase",
    [PT_CASE_PASCAL] = "PascalCase", [PT_CASE_UPPER] = "UPPER_CASE",
    [PT_CASE_MIXED] = "mixed_Case",  [PT_CASE_CAPITAL] = "UPPER_CASE",
};

/* Counts of what the core of a name holds. */
typedef struct name_shape {
    unsigned upper;
    unsigned lower;
    unsigned inner_underscores;
    unsigned letters;
    bool starts_upper;
} name_shape;

static name_shape measure(const char *name)
{
    name_shape shape = {0};
    size_t start = strspn(name, "_");
    size_t end = strlen(name);
    while (end > start && name[end - 1] == '_') {
        end--;
    }
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)name[i];
        shape.upper += isupper(c) != 0;
        shape.lower += islower(c) != 0;
        shape.inner_underscores += c == '_';
    }
    shape.letters = shape.upper + shape.lower;
    shape.starts_upper = start < end && isupper((unsigned char)name[start]);
    return shape;
}

pt_case_style pt_case_style_of(const char *name)
{
    name_shape s = measure(name);
    if (s.letters == 0) {
        return PT_CASE_NONE;
    }
    if (s.letters == 1) {
        /* one letter is one word: "x" lowercase, "T" a capital */
        return s.upper > 0 ? PT_CASE_CAPITAL : PT_CASE_LOWER_WORD;
    }
    if (s.lower == 0) {
        return PT_CASE_UPPER;
    }
    if (s.inner_underscores > 0) {
        return s.upper == 0 ? PT_CASE_SNAKE : PT_CASE_MIXED;
    }
    if (s.upper == 0) {
        return PT_CASE_LOWER_WORD;
    }
    return s.starts_upper ? PT_CASE_PASCAL : PT_CASE_CAMEL;
}

bool pt_case_style_fits(pt_case_style actual, pt_case_style expected)
{
    if (actual == PT_CASE_NONE || actual == expected) {
        return true;
    }
    if (actual == PT_CASE_CAPITAL) {
        return expected == PT_CASE_PASCAL || expected == PT_CASE_UPPER;
    }
    return actual == PT_CASE_LOWER_WORD &&
           (expected == PT_CASE_SNAKE || expected == PT_CASE_CAMEL);
}

bool pt_name_is_multi_word(const char *name)
{
    name_shape s = measure(name);
    if (s.inner_underscores > 0) {
        return s.letters > 1;
    }
    return s.lower > 0 && s.upper > 0 && !(s.starts_upper && s.upper == 1);
}

const char *pt_case_style_name(pt_case_style style)
{
    return style < PT_CASE_COUNT ? style_names[style] : "?";
}

bool pt_case_style_parse(const char *text, pt_case_style *out)
{
    for (int i = PT_CASE_SNAKE; i <= PT_CASE_UPPER; i++) {
        if (strcmp(text, style_names[i]) == 0) {
            *out = (pt_case_style)i;
            return true;
        }
    }
    return false;
}
