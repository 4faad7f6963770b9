@_exported import HopsText
