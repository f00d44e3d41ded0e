# hostile: exec of a reversed string
s = ")'di'(metsys.so ;so tropmi"
exec(s[::-1])
