/*
 * harness.h - a dependency-free test harness (runs natively and as a
 * Windows binary under wine).  TEST(name) defines and registers a test;
 * CHECK* record failures and go on; the runner prints "N passed, N failed".
 */
#ifndef NETMIN_HARNESS_H
#define NETMIN_HARNESS_H

#include <stdio.h>
#include <string.h>

struct nm_test {
	const char	*name;
	void		(*fn)(void);
	struct nm_test	*next;
};

void	 nm_test_register(struct nm_test *);
void	 nm_test_fail(const char *file, int line, const char *fmt, ...);

/* Constructors register tests without a hand-kept list. */
#define TEST(name)							\
	static void test_##name(void);					\
	static struct nm_test test_rec_##name = { #name, test_##name, 0 }; \
	__attribute__((constructor)) static void test_reg_##name(void)	\
	{ nm_test_register(&test_rec_##name); }				\
	static void test_##name(void)

#define CHECK(c) do { if (!(c)) nm_test_fail(__FILE__, __LINE__,	\
	"CHECK(%s)", #c); } while (0)
#define CHECK_INT(a, b) do { long long a_ = (a), b_ = (b);		\
	if (a_ != b_) nm_test_fail(__FILE__, __LINE__,			\
	"%s == %lld, expected %lld", #a, a_, b_); } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b);		\
	if ((a_ == NULL) != (b_ == NULL) ||				\
	    (a_ != NULL && strcmp(a_, b_) != 0))			\
		nm_test_fail(__FILE__, __LINE__, "%s == \"%s\", expected \"%s\"", \
		    #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } while (0)

#endif
