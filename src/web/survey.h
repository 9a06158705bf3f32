/*
 * survey.h: the customer survey page, /s/TOKEN (web/survey.c).
 */
#ifndef WEB_SURVEY_H
#define WEB_SURVEY_H

#include "web/http.h"

extern const struct route survey_routes[];

#endif /* WEB_SURVEY_H */
