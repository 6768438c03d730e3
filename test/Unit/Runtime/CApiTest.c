/* Placeholder (being written): C11 test of janus.h. */
int janus_capi_test_placeholder(void) { return 0; }
