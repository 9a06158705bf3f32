build-dev/src/web/api_more.o: src/web/api_more.c src/core/parse.h \
 src/core/err.h src/import/survey.h src/core/arena.h src/okr/okr.h \
 src/okr/field.h src/core/buf.h src/okr/progress.h src/store/store.h \
 src/store/stmt.h src/kpi/calendar.h src/kpi/kpi.h src/kpi/dataset.h \
 src/kpi/snapshot.h src/okr/evaljson.h src/okr/eval.h src/okr/pace.h \
 src/okr/kpilink.h src/okr/wsfile.h src/web/api_more.h src/web/http.h \
 src/web/kpicache.h
src/core/parse.h:
src/core/err.h:
src/import/survey.h:
src/core/arena.h:
src/okr/okr.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/kpi/calendar.h:
src/kpi/kpi.h:
src/kpi/dataset.h:
src/kpi/snapshot.h:
src/okr/evaljson.h:
src/okr/eval.h:
src/okr/pace.h:
src/okr/kpilink.h:
src/okr/wsfile.h:
src/web/api_more.h:
src/web/http.h:
src/web/kpicache.h:
