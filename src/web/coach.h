/*
 * coach.h: the coaching and review routes (web/coach.c): the cycle
 * review page and its JSON.
 */
#ifndef WEB_COACH_H
#define WEB_COACH_H

#include "web/http.h"

extern const struct route coach_routes[];

#endif /* WEB_COACH_H */
