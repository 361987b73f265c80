#ifndef GREET_H
#define GREET_H
/* Writes "hello, NAME" into buf (at most size bytes); returns its length. */
int greet(char *buf, unsigned size, const char *name);
const char *greet_version(void);
#endif
