/*
 * i18n.h: the language of a page: gettext messages, numbers and dates.
 *
 * Every text of the pages goes through _() (dgettext over the "okrdesk"
 * domain, po/ro.po compiled by make into $(O)/locale).  The language is
 * chosen per request and set per thread with glibc's uselocale(): a
 * locale of LC_MESSAGES and LC_TIME only, so LC_NUMERIC stays "C" and the
 * JSON API and SVG coordinates keep their decimal point.  Numbers and
 * dates meant for people are formatted here, by hand, for the language:
 * English 1,234.5 and 2026-11-24; Romanian 1.234,5 and 24.11.2026.
 *
 * The locales (en_US.UTF-8, ro_RO.UTF-8) must exist on the machine:
 * 'make deps' generates them.  Without one, that language's pages come
 * out in English (i18n_use returns -1) but numbers and dates still
 * follow the language.
 *
 * Ownership: nothing is allocated per call; the locale objects are made
 * once per process and never freed.
 */
#ifndef WEB_I18N_H
#define WEB_I18N_H

#include <stddef.h>
#include <stdint.h>

#define I18N_DOMAIN	"okrdesk"

enum i18n_lang { LANG_EN, LANG_RO, LANG__MAX };

/* The translation of msgid in the calling thread's language. */
const char	*i18n_gettext(const char *msgid);
#define _(s)	i18n_gettext(s)
/* Marks a string for xgettext without translating it (tables). */
#define N_(s)	(s)

/* "ro", "ro-RO", "ro_RO.UTF-8": LANG_RO; anything else LANG_EN. */
enum i18n_lang	i18n_lang_parse(const char *);
/* "en", "ro". */
const char	*i18n_lang_name(enum i18n_lang);

/*
 * Make lang the calling thread's language until i18n_end().  The first
 * call binds the text domain (OKRDESK_LOCALEDIR in the environment, else
 * the build's locale directory).  0, or -1 when the system lacks the
 * locale (messages then stay English).
 */
int		i18n_use(enum i18n_lang);
/* Back to the process's global locale. */
void		i18n_end(void);

/*
 * v with decimals digits after the separator, thousands grouped: en
 * "1,234.5", ro "1.234,5"; "-0" never appears; NAN gives "—".  buf of
 * at least 32 bytes; the result is truncated, never overflowed.
 */
void		i18n_num(char *buf, size_t sz, double v, int decimals,
		    enum i18n_lang);
/* A date "YYYY-MM-DD" as the language writes it: en "2026-11-24", ro
 * "24.11.2026".  Anything else is copied unchanged. */
void		i18n_date(char *buf, size_t sz, const char *ymd,
		    enum i18n_lang);
/* The local date of t (seconds UTC), as i18n_date writes it. */
void		i18n_day(char *buf, size_t sz, int64_t t, enum i18n_lang);

#endif /* WEB_I18N_H */
