#include "SshListener.h"
