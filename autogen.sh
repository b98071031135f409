#!/bin/sh
# autogen.sh: generates ./configure and the Makefile templates from
# configure.ac and Makefile.am (needs autoconf, automake, libtool, pkg-config).
set -e
cd "$(dirname "$0")"
mkdir -p m4 build-aux
autoreconf --install --force --warnings=all
