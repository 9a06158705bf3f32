/*
 * notify.h: delivering a message through libcurl: an e-mail over SMTP
 * (smtp:// or smtps://), or a JSON POST to an incoming webhook
 * (http:// or https://).
 *
 * It knows nothing of OKRs: the caller composes the subject, the text and
 * the JSON (okr/remind.h), this file frames them (RFC 5322 headers,
 * RFC 2047 encoded words for non-ASCII names and subjects, CRLF lines) and
 * sends them, with a connect timeout of 10 s and a total of 30 s so that a
 * dead server cannot hang a cron job.  Errors name the recipient or the
 * server as notify_url_safe() shows it (never a password, nor a
 * webhook's secret path) and libcurl's own message.
 *
 * Call notify_init() once before the first message and notify_cleanup()
 * after the last (libcurl's global state).
 *
 * Ownership: every argument is borrowed for the duration of the call.
 */
#ifndef OKR_NOTIFY_H
#define OKR_NOTIFY_H

#include <stdint.h>

#include "core/buf.h"
#include "core/err.h"

#define NOTIFY_CONNECT_TIMEOUT	10	/* seconds */
#define NOTIFY_TIMEOUT		30	/* seconds, the whole transfer */

/* Where mail goes out, and as whom. */
struct notify_smtp {
	const char	*url;		/* smtp://host:port, smtps://host */
	const char	*from;		/* the sender's address */
	const char	*from_name;	/* a display name, or NULL */
	const char	*user;		/* SMTP AUTH, or NULL */
	const char	*password;	/* NULL: none */
};

/* One e-mail. */
struct notify_mail {
	const char	*to;		/* the recipient's address */
	const char	*to_name;	/* a display name, or NULL */
	const char	*subject;	/* UTF-8, one line */
	const char	*body;		/* UTF-8 text, "\n" line ends */
	int64_t		 date;		/* the Date header, seconds UTC */
};

enum err_code	notify_init(struct err *);
void		notify_cleanup(void);

/*
 * Is addr a plain mailbox ("name@example.org"): one '@' with text either
 * side, no spaces, controls or the characters that would end a header
 * field or an SMTP path (<>()[],;:"\)?  1 or 0.
 */
int		notify_address_ok(const char *addr);

/*
 * The whole message as sent: From, To, Subject, Date, Message-ID,
 * MIME-Version, Content-Type text/plain; charset=utf-8,
 * Content-Transfer-Encoding 8bit, a blank line and the body, every line
 * ending in CRLF.  ERR_INVAL for an address notify_address_ok refuses.
 */
enum err_code	notify_mail_compose(const struct notify_smtp *,
		    const struct notify_mail *, struct buf *, struct err *);

/* Compose and send one message (MAIL FROM, one RCPT TO, DATA). */
enum err_code	notify_mail_send(const struct notify_smtp *,
		    const struct notify_mail *, struct err *);

/*
 * POST json (Content-Type: application/json) to url; a status outside
 * 200..299 is an error naming it.
 */
enum err_code	notify_webhook(const char *url, const char *json,
		    struct err *);

/*
 * What of url may be shown, into s: its scheme, host and port, without a
 * "user:password@", and "/…" in place of any path, query or fragment
 * (the path of a Slack, Mattermost or Teams webhook is its secret):
 * "https://hooks.slack.com/…", "smtp://mail.example.org:587".
 */
void		notify_url_safe(const char *url, char *s, size_t sz);

#endif /* OKR_NOTIFY_H */
