/*
 * auth.h: the server's authentication hook and the sign-in routes
 * (auth_routes in http.h).
 */
#ifndef WEB_AUTH_H
#define WEB_AUTH_H

#include "web/http.h"

/*
 * Set req->user (and req->csrf, req->lang) from a Bearer token or the
 * session cookie.  0, or an HTTP status to answer at once: 401 for a
 * Bearer token that is unknown or revoked.  An expired cookie is simply
 * anonymous (the pages then ask to sign in).
 */
int	auth_request(struct http_req *, struct err *);
struct user;
/* The signed-in user (NULL: anonymous) as okr/user.h's struct user, for
 * its rights checks (user_can_checkin ...); strings are borrowed. */
void	auth_as_user(const struct http_user *, struct user *);
/* Mark session cookies Secure (the server is behind TLS). */
void	auth_secure_cookies(int on);

#endif /* WEB_AUTH_H */
