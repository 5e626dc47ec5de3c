# kb check of a site file
args: kb check kb/site.kb
exit: 0
--- stdout
1 file valid: 91 entries in all (0 replaced a built-in one)
--- stderr
