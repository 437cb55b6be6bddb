# end-to-end CLI tests
