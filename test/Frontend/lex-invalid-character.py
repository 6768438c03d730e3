# Characters that are not part of Python's syntax; the lexer reports each
# one and keeps going.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
cost = $price ? 1 : 2
# CHECK: lex-invalid-character.py:[[@LINE-1]]:8: error: invalid character '$' (U+0024)
# CHECK: lex-invalid-character.py:[[@LINE-2]]:15: error: invalid character '?' (U+003F)
name = `x`
# CHECK: lex-invalid-character.py:[[@LINE-1]]:8: error: invalid character '`' (U+0060)
# CHECK: lex-invalid-character.py:[[@LINE-2]]:10: error: invalid character '`' (U+0060)
arrow = a → b
# CHECK: lex-invalid-character.py:[[@LINE-1]]:11: error: invalid character '→' (U+2192)
