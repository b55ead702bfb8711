# flavour: legacy
