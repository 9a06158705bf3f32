/*
 * i18n.c: per-request language (see i18n.h): gettext bound once, one
 * locale object per language made once, numbers and dates by hand.
 */
#define _GNU_SOURCE	/* uselocale, newlocale, dgettext */
#include <libintl.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "web/i18n.h"

#ifndef OKRDESK_LOCALEDIR
#define OKRDESK_LOCALEDIR	"/usr/share/locale"
#endif

static const char *const lang_names[LANG__MAX] = { "en", "ro" };
/* The glibc locales behind each language; C.UTF-8 keeps English working
 * where en_US was not generated (its messages are the msgids anyway). */
static const char *const lang_locales[LANG__MAX][2] = {
	{ "en_US.UTF-8", "C.UTF-8" },
	{ "ro_RO.UTF-8", NULL },
};

static pthread_once_t	 once = PTHREAD_ONCE_INIT;
static locale_t		 locales[LANG__MAX];

static void
i18n_setup(void)
{
	const char	*dir = getenv("OKRDESK_LOCALEDIR");
	size_t		 i, k;

	bindtextdomain(I18N_DOMAIN, dir != NULL && dir[0] != '\0' ? dir :
	    OKRDESK_LOCALEDIR);
	bind_textdomain_codeset(I18N_DOMAIN, "UTF-8");
	for (i = 0; i < LANG__MAX; i++)
		for (k = 0; k < 2 && locales[i] == (locale_t)0; k++)
			if (lang_locales[i][k] != NULL)
				locales[i] = newlocale(LC_MESSAGES_MASK |
				    LC_TIME_MASK, lang_locales[i][k],
				    (locale_t)0);
}

const char *
i18n_gettext(const char *msgid)
{
	return dgettext(I18N_DOMAIN, msgid);
}

enum i18n_lang
i18n_lang_parse(const char *s)
{
	if (s != NULL && (s[0] == 'r' || s[0] == 'R') &&
	    (s[1] == 'o' || s[1] == 'O') &&
	    (s[2] == '\0' || s[2] == '-' || s[2] == '_'))
		return LANG_RO;
	return LANG_EN;
}

const char *
i18n_lang_name(enum i18n_lang l)
{
	return l < LANG__MAX ? lang_names[l] : "en";
}

int
i18n_use(enum i18n_lang l)
{
	pthread_once(&once, i18n_setup);
	if (l >= LANG__MAX || locales[l] == (locale_t)0) {
		uselocale(LC_GLOBAL_LOCALE);
		return -1;
	}
	uselocale(locales[l]);
	return 0;
}

void
i18n_end(void)
{
	uselocale(LC_GLOBAL_LOCALE);
}

void
i18n_num(char *buf, size_t sz, double v, int decimals, enum i18n_lang l)
{
	char		 raw[64], out[96];
	const char	*dot, *p;
	char		 thou = l == LANG_RO ? '.' : ',';
	char		 dec = l == LANG_RO ? ',' : '.';
	size_t		 ndig, i, o = 0;

	if (sz == 0)
		return;
	if (isnan(v) || isinf(v)) {
		snprintf(buf, sz, "%s", "—");
		return;
	}
	if (decimals < 0)
		decimals = 0;
	if (decimals > 9)
		decimals = 9;
	snprintf(raw, sizeof(raw), "%.*f", decimals, v);
	/* "-0.0" is zero: a sign on nothing tells the reader nothing. */
	p = raw;
	if (*p == '-' && strspn(p + 1, "0.") == strlen(p + 1))
		p++;
	if (*p == '-')
		out[o++] = *p++;
	dot = strchr(p, '.');
	ndig = dot != NULL ? (size_t)(dot - p) : strlen(p);
	for (i = 0; i < ndig && o < sizeof(out) - 2; i++) {
		if (i > 0 && (ndig - i) % 3 == 0)
			out[o++] = thou;
		out[o++] = p[i];
	}
	if (dot != NULL) {
		out[o++] = dec;
		for (p = dot + 1; *p != '\0' && o < sizeof(out) - 1; p++)
			out[o++] = *p;
	}
	out[o] = '\0';
	snprintf(buf, sz, "%s", out);
}

void
i18n_date(char *buf, size_t sz, const char *ymd, enum i18n_lang l)
{
	if (ymd == NULL)
		ymd = "";
	if (l == LANG_RO && strlen(ymd) == 10 && ymd[4] == '-' &&
	    ymd[7] == '-')
		snprintf(buf, sz, "%.2s.%.2s.%.4s", ymd + 8, ymd + 5, ymd);
	else
		snprintf(buf, sz, "%s", ymd);
}

void
i18n_day(char *buf, size_t sz, int64_t t, enum i18n_lang l)
{
	char	 d[16];

	clock_fmt_date(t, d, sizeof(d));
	i18n_date(buf, sz, d, l);
}
