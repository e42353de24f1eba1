# a user exception class defined in __main__ is printed without a module prefix
class ConfigError(Exception):
    pass
def load():
    raise ConfigError("missing key 'port'")  # expect runtime error: ConfigError: missing key 'port'
load()
