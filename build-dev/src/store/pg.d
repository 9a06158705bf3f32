build-dev/src/store/pg.o: src/store/pg.c \
 /usr/include/postgresql/libpq-fe.h \
 /usr/include/postgresql/postgres_ext.h \
 /usr/include/postgresql/pg_config_ext.h src/core/buf.h src/core/err.h \
 src/store/backend.h src/store/store.h src/store/stmt.h
/usr/include/postgresql/libpq-fe.h:
/usr/include/postgresql/postgres_ext.h:
/usr/include/postgresql/pg_config_ext.h:
src/core/buf.h:
src/core/err.h:
src/store/backend.h:
src/store/store.h:
src/store/stmt.h:
