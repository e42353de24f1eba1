// vm/classes.h -- the built-in classes, as two X-macro tables. state.c
// creates each class at VM start and stores it in vm->cls[AW_CLS_id] /
// vm->exc[AW_EXC_id]; use AW_CLS(vm, id) and AW_EXCCLS(vm, id).
//
// TYPE(id, "name", base_id, instance_kind) -- base_id is another TYPE id
// (object's base is itself, meaning none).
// EXC(id, base_id) -- the class name is the id; base_id is another EXC id
// (BaseException's base is itself, meaning object).

#define AW_BUILTIN_TYPES(TYPE)                                  \
  TYPE(object, "object", object, INSTANCE)                      \
  TYPE(type, "type", object, CLASS)                             \
  TYPE(NoneType, "NoneType", object, INSTANCE)                  \
  TYPE(int, "int", object, INSTANCE)                            \
  TYPE(bool, "bool", int, INSTANCE)                             \
  TYPE(float, "float", object, INSTANCE)                        \
  TYPE(str, "str", object, STR)                                 \
  TYPE(bytes, "bytes", object, BYTES)                           \
  TYPE(tuple, "tuple", object, TUPLE)                           \
  TYPE(list, "list", object, LIST)                              \
  TYPE(dict, "dict", object, DICT)                              \
  TYPE(set, "set", object, SET)                                 \
  TYPE(frozenset, "frozenset", object, SET)                     \
  TYPE(range, "range", object, RANGE)                           \
  TYPE(slice, "slice", object, SLICE)                           \
  TYPE(code, "code", object, PROTO)                             \
  TYPE(function, "function", object, FUNCTION)                 \
  TYPE(builtin_function, "builtin_function_or_method", object, NATIVE) \
  TYPE(method, "method", object, BOUND)                         \
  TYPE(cell, "cell", object, CELL)                              \
  TYPE(module, "module", object, MODULE)                        \
  TYPE(generator, "generator", object, GENERATOR)               \
  TYPE(coroutine, "coroutine", object, GENERATOR)               \
  TYPE(async_generator, "async_generator", object, GENERATOR)   \
  TYPE(property, "property", object, PROPERTY)                  \
  TYPE(staticmethod, "staticmethod", object, WRAPPER)           \
  TYPE(classmethod, "classmethod", object, WRAPPER)             \
  TYPE(super, "super", object, WRAPPER)                         \
  TYPE(frame, "frame", object, FRAMEREF)                        \
  TYPE(traceback, "traceback", object, FRAMEREF)                \
  TYPE(file, "TextIOWrapper", object, FILE)                     \
  TYPE(binary_file, "BufferedReader", object, FILE)             \
  TYPE(native_data, "native_data", object, NATIVEDATA)          \
  TYPE(NotImplementedType, "NotImplementedType", object, INSTANCE) \
  TYPE(ellipsis, "ellipsis", object, INSTANCE)                  \
  TYPE(list_iterator, "list_iterator", object, ITER)            \
  TYPE(tuple_iterator, "tuple_iterator", object, ITER)          \
  TYPE(str_iterator, "str_ascii_iterator", object, ITER)        \
  TYPE(bytes_iterator, "bytes_iterator", object, ITER)          \
  TYPE(range_iterator, "range_iterator", object, ITER)          \
  TYPE(set_iterator, "set_iterator", object, ITER)              \
  TYPE(dict_keyiterator, "dict_keyiterator", object, ITER)      \
  TYPE(dict_valueiterator, "dict_valueiterator", object, ITER)  \
  TYPE(dict_itemiterator, "dict_itemiterator", object, ITER)    \
  TYPE(dict_keys, "dict_keys", object, ITER)                    \
  TYPE(dict_values, "dict_values", object, ITER)                \
  TYPE(dict_items, "dict_items", object, ITER)                  \
  TYPE(list_reverseiterator, "list_reverseiterator", object, ITER) \
  TYPE(reversed, "reversed", object, ITER)                      \
  TYPE(enumerate, "enumerate", object, ITER)                    \
  TYPE(zip, "zip", object, ITER)                                \
  TYPE(map, "map", object, ITER)                                \
  TYPE(filter, "filter", object, ITER)                          \
  TYPE(callable_iterator, "callable_iterator", object, ITER)    \
  TYPE(iterator, "iterator", object, ITER)                      \
  TYPE(coroutine_wrapper, "coroutine_wrapper", object, ITER)    \
  TYPE(Future, "Future", object, FUTURE)                        \
  TYPE(Task, "Task", Future, FUTURE)                            \
  TYPE(event_loop, "_UnixSelectorEventLoop", object, LOOP)      \
  TYPE(Handle, "Handle", object, HANDLE)                        \
  TYPE(TimerHandle, "TimerHandle", Handle, HANDLE)

#define AW_EXCEPTIONS(EXC)                          \
  EXC(BaseException, BaseException)                 \
  EXC(SystemExit, BaseException)                    \
  EXC(KeyboardInterrupt, BaseException)             \
  EXC(GeneratorExit, BaseException)                 \
  EXC(CancelledError, BaseException)                \
  EXC(BaseExceptionGroup, BaseException)            \
  EXC(Exception, BaseException)                     \
  EXC(ExceptionGroup, BaseExceptionGroup)           \
  EXC(StopIteration, Exception)                     \
  EXC(StopAsyncIteration, Exception)                \
  EXC(ArithmeticError, Exception)                   \
  EXC(FloatingPointError, ArithmeticError)          \
  EXC(OverflowError, ArithmeticError)               \
  EXC(ZeroDivisionError, ArithmeticError)           \
  EXC(AssertionError, Exception)                    \
  EXC(AttributeError, Exception)                    \
  EXC(BufferError, Exception)                       \
  EXC(EOFError, Exception)                          \
  EXC(ImportError, Exception)                       \
  EXC(ModuleNotFoundError, ImportError)             \
  EXC(LookupError, Exception)                       \
  EXC(IndexError, LookupError)                      \
  EXC(KeyError, LookupError)                        \
  EXC(MemoryError, Exception)                       \
  EXC(NameError, Exception)                         \
  EXC(UnboundLocalError, NameError)                 \
  EXC(OSError, Exception)                           \
  EXC(BlockingIOError, OSError)                     \
  EXC(ChildProcessError, OSError)                   \
  EXC(ConnectionError, OSError)                     \
  EXC(BrokenPipeError, ConnectionError)             \
  EXC(ConnectionAbortedError, ConnectionError)      \
  EXC(ConnectionRefusedError, ConnectionError)      \
  EXC(ConnectionResetError, ConnectionError)        \
  EXC(FileExistsError, OSError)                     \
  EXC(FileNotFoundError, OSError)                   \
  EXC(InterruptedError, OSError)                    \
  EXC(IsADirectoryError, OSError)                   \
  EXC(NotADirectoryError, OSError)                  \
  EXC(PermissionError, OSError)                     \
  EXC(ProcessLookupError, OSError)                  \
  EXC(TimeoutError, OSError)                        \
  EXC(ReferenceError, Exception)                    \
  EXC(RuntimeError, Exception)                      \
  EXC(NotImplementedError, RuntimeError)            \
  EXC(RecursionError, RuntimeError)                 \
  EXC(SyntaxError, Exception)                       \
  EXC(IndentationError, SyntaxError)                \
  EXC(TabError, IndentationError)                   \
  EXC(SystemError, Exception)                       \
  EXC(TypeError, Exception)                         \
  EXC(ValueError, Exception)                        \
  EXC(UnicodeError, ValueError)                     \
  EXC(UnicodeDecodeError, UnicodeError)             \
  EXC(UnicodeEncodeError, UnicodeError)             \
  EXC(Warning, Exception)                           \
  EXC(DeprecationWarning, Warning)                  \
  EXC(RuntimeWarning, Warning)                      \
  EXC(UserWarning, Warning)                         \
  EXC(InvalidStateError, Exception)
