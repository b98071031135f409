/* events.c: placeholder until the module lands. */
#include "internal.h"
