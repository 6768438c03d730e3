# A program of comments and blank lines only, the last without a newline: it compiles to a module that prints nothing.
# OUTPUT: none

    # an indented comment, then a line of spaces only
    
# print("not run")
#