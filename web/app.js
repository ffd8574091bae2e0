document.body.append('qbmc');
