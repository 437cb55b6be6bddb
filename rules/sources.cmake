# One line per rule source; kept beside rules.def.
