string_var  = "abc"
boolean_var = true
list_var    = ["a", "b", "c"]
map_var = {
  a = 1
  b = 2
  c = 3
}
