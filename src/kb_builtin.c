/*
 * kb_builtin.c - loads the knowledge base compiled into the binary
 * (src/kb_data.c, generated from kb/ files by tools/kbgen).
 */
#include "kb.h"

int
nm_kb_load_builtin(struct nm_kb *kb, struct nm_error *err)
{
	size_t i;

	for (i = 0; i < nm_kb_nfiles; i++)
		if (nm_kb_parse_lines(kb, nm_kb_files[i].name,
		    nm_kb_files[i].lines, nm_kb_files[i].nlines, err) != 0)
			return -1;
	return nm_kb_check(kb, err);
}
