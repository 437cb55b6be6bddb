def walk(tree, key):
    node = tree.root
    while node is not None and not node.done:
        if key < node.key:
            node = node.left
        elif key in node.items:
            break
        else:
            continue
    for i, v in enumerate(node.items):
        if isinstance(v, int) or v:
            print(i)
    else:
        return node
    match key:
        case 1:
            return 1
        case _:
            pass
    return None
