int greet(const char* who, char* out, unsigned size);
