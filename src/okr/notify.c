/*
 * notify.c: e-mail over SMTP and JSON to a webhook, through libcurl.
 * See notify.h.
 *
 * libcurl does the protocols (EHLO, STARTTLS, AUTH, MAIL FROM, RCPT TO,
 * DATA with dot-stuffing; HTTP/1.1 and TLS); this file writes the
 * message itself: the header fields RFC 5322 asks for, non-ASCII words
 * as RFC 2047 encoded words, CRLF line ends.  Addresses are checked
 * before they reach a header or an SMTP path, so a person's e-mail field
 * cannot smuggle in a header or a second recipient.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <sodium.h>

#include "okr/notify.h"

/* RFC 5321's path limit, less the brackets */
#define ADDR_MAX	254
/* bytes per encoded word: 60 base64 characters plus "=?utf-8?B??=" stays
 * under RFC 2047's 75 */
#define WORD_BYTES	45

static const char *const wdays[7] = {
	"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
};
static const char *const months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

enum err_code
notify_init(struct err *e)
{
	if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		return err_set(e, ERR_INTERNAL, "cannot initialise libcurl");
	return ERR_OK;
}

void
notify_cleanup(void)
{
	curl_global_cleanup();
}

int
notify_address_ok(const char *a)
{
	const char	*at = NULL, *p;

	if (a == NULL || *a == '\0' || strlen(a) > ADDR_MAX)
		return 0;
	for (p = a; *p != '\0'; p++) {
		if ((unsigned char)*p <= ' ' || *p == 0x7f ||
		    strchr("<>()[],;:\"\\", *p) != NULL)
			return 0;
		if (*p == '@') {
			if (at != NULL)
				return 0;
			at = p;
		}
	}
	return at != NULL && at != a && at[1] != '\0';
}

void
notify_url_safe(const char *url, char *s, size_t sz)
{
	const char	*host = url, *at, *rest;
	size_t		 scheme, auth;

	/* a scheme is letters, digits, + - . before "://" (RFC 3986) */
	scheme = strspn(url, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");
	if (scheme > 0 && strncmp(url + scheme, "://", 3) == 0)
		host = url + scheme + 3;
	else
		scheme = 0;
	auth = strcspn(host, "/?#");
	rest = host + auth;
	/* user:password@ ends at the authority's last '@' */
	for (at = rest; at > host && at[-1] != '@'; at--)
		continue;
	if (at > host)
		host = at;
	snprintf(s, sz, "%.*s%.*s%s", scheme > 0 ? (int)scheme + 3 : 0, url,
	    (int)(rest - host), host, *rest == '\0' ? "" :
	    strcmp(rest, "/") == 0 ? "/" : "/…");
}

static int
is_ascii_plain(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x7f || (unsigned char)*s < ' ')
			return 0;
	return 1;
}

/*
 * Header text: as is when it is printable ASCII, else RFC 2047 encoded
 * words of at most WORD_BYTES bytes each, cut between UTF-8 characters
 * and folded onto continuation lines.  Control characters (a CR or LF
 * that would start a new header) become spaces first.
 */
static void
put_header_text(struct buf *b, const char *s)
{
	char		 clean[1024];
	char		 word[sodium_base64_ENCODED_LEN(WORD_BYTES,
			    sodium_base64_VARIANT_ORIGINAL)];
	size_t		 n, i, take, k;

	snprintf(clean, sizeof(clean), "%s", s);
	for (i = 0; clean[i] != '\0'; i++)
		if ((unsigned char)clean[i] < ' ' || clean[i] == 0x7f)
			clean[i] = ' ';
	if (is_ascii_plain(clean)) {
		buf_puts(b, clean);
		return;
	}
	n = strlen(clean);
	for (i = 0; i < n; i += take) {
		take = n - i < WORD_BYTES ? n - i : WORD_BYTES;
		/* never split a character: back off to its lead byte */
		for (k = take; i + k < n && k > 0 &&
		    ((unsigned char)clean[i + k] & 0xC0) == 0x80; k--)
			continue;
		if (k > 0)
			take = k;
		sodium_bin2base64(word, sizeof(word),
		    (const unsigned char *)clean + i, take,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s=?utf-8?B?%s?=", i > 0 ? "\r\n " : "",
		    word);
	}
}

/* "Name" <addr>, or just addr; a display name is quoted or encoded. */
static void
put_mailbox(struct buf *b, const char *name, const char *addr)
{
	const char	*p;

	if (name != NULL && *name != '\0') {
		if (is_ascii_plain(name)) {
			buf_putc(b, '"');
			for (p = name; *p != '\0'; p++) {
				if (*p == '"' || *p == '\\')
					buf_putc(b, '\\');
				buf_putc(b, *p);
			}
			buf_putc(b, '"');
		} else
			put_header_text(b, name);
		buf_printf(b, " <%s>", addr);
	} else
		buf_puts(b, addr);
}

/* RFC 5322 date-time, in UTC (English names, whatever the locale). */
static void
put_date(struct buf *b, int64_t t)
{
	struct tm	 tm;
	time_t		 tt = (time_t)t;

	gmtime_r(&tt, &tm);
	buf_printf(b, "%s, %d %s %d %02d:%02d:%02d +0000", wdays[tm.tm_wday],
	    tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
}

/* A small FNV-1a hash: Message-IDs differ by recipient. */
static unsigned long
fnv(const char *s)
{
	unsigned long	 h = 2166136261UL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619UL & 0xffffffffUL;
	return h;
}

enum err_code
notify_mail_compose(const struct notify_smtp *smtp,
    const struct notify_mail *m, struct buf *b, struct err *e)
{
	static unsigned	 seq;
	const char	*p, *domain;

	if (!notify_address_ok(smtp->from))
		return err_setf(e, ERR_INVAL, "from", "sender \"%s\" is not an "
		    "e-mail address", smtp->from != NULL ? smtp->from : "");
	if (!notify_address_ok(m->to))
		return err_setf(e, ERR_INVAL, "email", "\"%s\" is not an "
		    "e-mail address", m->to != NULL ? m->to : "");
	domain = strchr(smtp->from, '@') + 1;
	buf_puts(b, "From: ");
	put_mailbox(b, smtp->from_name, smtp->from);
	buf_puts(b, "\r\nTo: ");
	put_mailbox(b, m->to_name, m->to);
	buf_puts(b, "\r\nSubject: ");
	put_header_text(b, m->subject);
	buf_puts(b, "\r\nDate: ");
	put_date(b, m->date);
	buf_printf(b, "\r\nMessage-ID: <okrdesk.%lld.%ld.%u.%08lx@%s>\r\n",
	    (long long)m->date, (long)getpid(), seq++, fnv(m->to), domain);
	buf_puts(b, "MIME-Version: 1.0\r\n"
	    "Content-Type: text/plain; charset=utf-8\r\n"
	    "Content-Transfer-Encoding: 8bit\r\n"
	    "Auto-Submitted: auto-generated\r\n\r\n");
	for (p = m->body; *p != '\0'; p++) {
		if (*p == '\r')
			continue;
		if (*p == '\n')
			buf_putc(b, '\r');
		buf_putc(b, *p);
	}
	if (b->len < 2 || strcmp(b->data + b->len - 2, "\r\n") != 0)
		buf_puts(b, "\r\n");
	if (buf_error(b) != ERR_OK)
		return err_set(e, buf_error(b), "e-mail to %s: out of memory",
		    m->to);
	return ERR_OK;
}

/* What libcurl reads of the message. */
struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
read_cb(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct upload	*u = arg;
	size_t		 n = size * nmemb;

	if (n > u->left)
		n = u->left;
	memcpy(dst, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

static size_t
discard_cb(char *p, size_t size, size_t nmemb, void *arg)
{
	(void)p;
	(void)arg;
	return size * nmemb;
}

/*
 * The options every transfer shares: the protocols allowed, the one a URL
 * without a scheme gets (else libcurl guesses from the host name, HTTP
 * by default), timeouts, no signals, errors.
 */
static void
common_opts(CURL *c, const char *url, const char *protocols,
    const char *fallback, char *errbuf)
{
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, protocols);
	curl_easy_setopt(c, CURLOPT_DEFAULT_PROTOCOL, fallback);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT,
	    (long)NOTIFY_CONNECT_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)NOTIFY_TIMEOUT);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
	errbuf[0] = '\0';
}

static const char *
curl_why(CURLcode rc, const char *errbuf)
{
	return errbuf[0] != '\0' ? errbuf : curl_easy_strerror(rc);
}

enum err_code
notify_mail_send(const struct notify_smtp *smtp, const struct notify_mail *m,
    struct err *e)
{
	struct buf		 msg = BUF_INIT;
	struct curl_slist	*rcpt = NULL;
	struct upload		 u;
	char			 path[ADDR_MAX + 3], safe[512];
	char			 errbuf[CURL_ERROR_SIZE];
	CURL			*c;
	CURLcode		 rc;
	enum err_code		 ec;

	if ((ec = notify_mail_compose(smtp, m, &msg, e)) != ERR_OK) {
		buf_release(&msg);
		return ec;
	}
	notify_url_safe(smtp->url, safe, sizeof(safe));
	if ((c = curl_easy_init()) == NULL) {
		buf_release(&msg);
		return err_set(e, ERR_NOMEM, "e-mail to %s: cannot start "
		    "libcurl", m->to);
	}
	common_opts(c, smtp->url, "smtp,smtps", "smtps", errbuf);
	snprintf(path, sizeof(path), "<%s>", smtp->from);
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, path);
	snprintf(path, sizeof(path), "<%s>", m->to);
	rcpt = curl_slist_append(NULL, path);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	if (smtp->user != NULL)
		curl_easy_setopt(c, CURLOPT_USERNAME, smtp->user);
	if (smtp->password != NULL)
		curl_easy_setopt(c, CURLOPT_PASSWORD, smtp->password);
	/*
	 * STARTTLS when the server offers it; required when a password
	 * would otherwise cross the network in the clear (smtps:// is TLS
	 * from the first byte anyway).
	 */
	curl_easy_setopt(c, CURLOPT_USE_SSL, smtp->password != NULL ?
	    (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	u.p = buf_cstr(&msg);
	u.left = msg.len;
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	if (rcpt == NULL)
		rc = CURLE_OUT_OF_MEMORY;
	else
		rc = curl_easy_perform(c);
	ec = ERR_OK;
	if (rc != CURLE_OK)
		ec = err_set(e, ERR_IO, "e-mail to %s via %s: %s", m->to, safe,
		    curl_why(rc, errbuf));
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	buf_release(&msg);
	return ec;
}

enum err_code
notify_webhook(const char *url, const char *json, struct err *e)
{
	struct curl_slist	*hdr;
	char			 errbuf[CURL_ERROR_SIZE], safe[1024];
	CURL			*c;
	CURLcode		 rc;
	long			 status = 0;
	enum err_code		 ec = ERR_OK;

	notify_url_safe(url, safe, sizeof(safe));
	if ((c = curl_easy_init()) == NULL)
		return err_set(e, ERR_NOMEM, "webhook %s: cannot start libcurl",
		    safe);
	common_opts(c, url, "http,https", "https", errbuf);
	hdr = curl_slist_append(NULL, "Content-Type: application/json");
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(c, CURLOPT_USERAGENT, "okrdesk");
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
	    (curl_off_t)strlen(json));
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard_cb);
	if (hdr == NULL)
		rc = CURLE_OUT_OF_MEMORY;
	else
		rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		ec = err_set(e, ERR_IO, "webhook %s: %s", safe,
		    curl_why(rc, errbuf));
	else if (curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status) !=
	    CURLE_OK || status < 200 || status > 299)
		ec = err_set(e, ERR_IO, "webhook %s answered HTTP status %ld",
		    safe, status);
	curl_slist_free_all(hdr);
	curl_easy_cleanup(c);
	return ec;
}
