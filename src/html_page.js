/* quoth's HTML pages: the one script a page runs (its SHA-256 is in the
 * page's Content-Security-Policy, so no other script can run).  It only
 * adds a speaker filter; the page reads the same without it. */
document.addEventListener('DOMContentLoaded', function () {
	document.documentElement.classList.add('js');
	document.querySelectorAll('section.doc').forEach(function (sec) {
		var legend = sec.querySelector('.legend');
		var items = legend ? legend.querySelectorAll('li[data-s]') : [];
		var label, sel, all;
		if (items.length < 2)
			return;
		label = document.createElement('label');
		label.className = 'filter';
		label.textContent = 'Show the quotes of ';
		sel = document.createElement('select');
		all = document.createElement('option');
		all.value = '';
		all.textContent = 'every speaker';
		sel.appendChild(all);
		items.forEach(function (it) {
			var o = document.createElement('option');
			o.value = it.getAttribute('data-s');
			o.textContent = it.getAttribute('data-name');
			sel.appendChild(o);
		});
		sel.addEventListener('change', function () {
			var v = sel.value;
			sec.querySelectorAll('[data-s]').forEach(function (el) {
				if (el.closest('.legend'))
					return;
				el.classList.toggle('dim', v !== '' &&
				                    el.getAttribute('data-s') !== v);
			});
		});
		label.appendChild(sel);
		legend.appendChild(label);
	});
});
