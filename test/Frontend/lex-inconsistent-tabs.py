# Indentation that is consistent with tab stops of 8 but not of 1 (a tab
# versus eight spaces) is ambiguous; CPython rejects it, and so does Janus.
# RUN: not %janusc %s 2>&1 | FileCheck %s --implicit-check-not=error:
if True:
	x = 1
        y = 2
# CHECK: lex-inconsistent-tabs.py:[[@LINE-1]]:9: error: inconsistent use of tabs and spaces in indentation
