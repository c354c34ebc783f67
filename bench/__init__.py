"""The benchmark (`make bench`): never part of the site that is deployed."""
