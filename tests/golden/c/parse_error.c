/* A file tree-sitter cannot parse completely. */
API_EXPORT int good(int x)
{
    return x + 1;
}

int broken(int x)
{
    int y = x +;
    if (x > 0 {
        return y;
    }
    return 0;
}

#if defined(A)
int split(int x) {
    if (x) {
#else
int split(int x) {
    if (!x) {
#endif
        return 1;
    }
    return 0;
}

int after(void)
{
    return good(2) && broken(3);
}
