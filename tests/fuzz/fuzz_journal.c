/*
 * fuzz_journal.c - libFuzzer target for the journal reader: any bytes are
 * parsed and summarized; records that parse are formatted again and must
 * read back the same (the CRC covers what the writer wrote).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nm_journal_log log, again;
	struct nm_journal_summary s;
	struct nm_buf b = { 0 };
	size_t i;

	if (nm_journal_parse(&log, (const char *)data, size, NULL) == 0) {
		if (nm_journal_summarize(&log, &s, NULL) == 0)
			(void)nm_journal_unfinished(&s);
		for (i = 0; i < log.rec.n; i++)
			nm_jrec_format(&log.rec.v[i], &b);
		if (nm_journal_parse(&again, b.s, b.len, NULL) != 0 ||
		    again.rec.n != log.rec.n || again.nbad != 0)
			abort();
		nm_journal_log_free(&again);
	}
	nm_journal_log_free(&log);
	nm_buf_free(&b);
	return 0;
}
