# corpus: @exec decorator applied to a function whose __doc__ is set to code via a second decorator
def as_source(f):
    return f.__doc__

@exec
@as_source
def payload():
    """import os; os.system('id')"""
