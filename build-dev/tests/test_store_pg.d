build-dev/tests/test_store_pg: tests/unit/test_store_pg.c \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h src/okr/okr.h src/core/arena.h \
 src/core/err.h src/okr/field.h src/core/buf.h src/okr/progress.h \
 src/store/store.h src/store/stmt.h src/store/backend.h
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
src/okr/okr.h:
src/core/arena.h:
src/core/err.h:
src/okr/field.h:
src/core/buf.h:
src/okr/progress.h:
src/store/store.h:
src/store/stmt.h:
src/store/backend.h:
