"""pacgen's rules about x-ms-* extensions a connector may use and their members."""
