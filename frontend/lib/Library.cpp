// Placeholder (being written).
#include "janus/Frontend/Library.h"
