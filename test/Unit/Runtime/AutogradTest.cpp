// Placeholder.
#include "Autograd/Functions.h"
